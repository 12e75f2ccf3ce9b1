import { randomUUID } from 'node:crypto';
import { UnrecoverableError, type Job } from 'bullmq';
import { isFinalAttempt, jobPayload, settleOutcome } from './job-processing';

describe('processor helpers', () => {
  it('a malformed payload fails the job for good; a valid one is returned', () => {
    const tenantId = randomUUID();
    expect(jobPayload('alerts.refresh', { tenantId })).toEqual({ tenantId });
    expect(() => jobPayload('alerts.refresh', { tenantId: 'x' })).toThrow(UnrecoverableError);
    expect(() => jobPayload('alerts.refresh', { tenantId: 'x' })).toThrow(
      'invalid payload: tenantId',
    );
  });

  it('retry throws a plain error (BullMQ retries), failed an UnrecoverableError, anything else is returned', () => {
    expect(() => settleOutcome({ result: 'retry', reason: 'SMTP 451' })).toThrow('SMTP 451');
    expect(() => settleOutcome({ result: 'retry', reason: 'SMTP 451' })).not.toThrow(
      UnrecoverableError,
    );
    expect(() => settleOutcome({ result: 'failed', reason: '550' })).toThrow(UnrecoverableError);
    expect(settleOutcome({ result: 'sent' })).toEqual({ result: 'sent' });
  });

  it('knows the last attempt', () => {
    const job = (attemptsMade: number) =>
      ({ attemptsMade, opts: { attempts: 3 } }) as unknown as Job;
    expect(isFinalAttempt(job(1))).toBe(false);
    expect(isFinalAttempt(job(2))).toBe(true);
  });
});
