import { Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { DomainError, DomainErrorCode, ValidationError } from '@cb/domain';
import { ProblemFilter, statusOf } from './problem.filter';

function run(exception: unknown) {
  const sent: { status?: number; type?: string; body?: string; headers: Record<string, string> } = {
    headers: {},
  };
  const res = {
    headersSent: false,
    status(s: number) {
      sent.status = s;
      return this;
    },
    type(t: string) {
      sent.type = t;
      return this;
    },
    send(b: string) {
      sent.body = b;
      return this;
    },
    setHeader(k: string, v: string) {
      sent.headers[k] = v;
    },
  };
  const req = { originalUrl: '/v1/contracts/x?y=1', url: '/v1/contracts/x', method: 'GET' };
  const host = {
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ArgumentsHost;
  new ProblemFilter().catch(exception, host);
  return { ...sent, json: JSON.parse(sent.body ?? '{}') as Record<string, unknown> };
}

describe('errors as RFC 9457 problem details', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('maps a domain error to its status with code, detail and field errors', () => {
    const out = run(new ValidationError('bad', [{ field: 'title', message: 'too long' }]));
    expect(out.status).toBe(400);
    expect(out.type).toBe('application/problem+json');
    expect(out.json).toMatchObject({
      status: 400,
      code: 'validation_failed',
      detail: 'bad',
      instance: '/v1/contracts/x',
      errors: [{ field: 'title', message: 'too long' }],
    });
  });

  it('answers an unexpected error with 500, an errorId, and no stack trace or internal message', () => {
    const out = run(new Error('connection string postgres://secret@db leaked'));
    expect(out.status).toBe(500);
    expect(out.json.errorId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(out.body).not.toMatch(/secret|at Object|\.ts:/);
    // The cause goes to the log under the same errorId.
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ errorId: out.json.errorId }),
      'Unhandled error',
    );
  });

  it('keeps Nest 404s as problems', () => {
    expect(run(new NotFoundException('Cannot GET /v1/nope')).json).toMatchObject({
      status: 404,
      code: 'not_found',
    });
  });

  it('has an HTTP status for every domain error code', () => {
    for (const code of Object.values(DomainErrorCode))
      expect(statusOf(code)).toBeGreaterThanOrEqual(400);
    expect(run(new DomainError(DomainErrorCode.SubscriptionRequired, 'x')).status).toBe(402);
  });
});
