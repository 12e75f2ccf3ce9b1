import { Res, type CallHandler, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { lastValueFrom, of, defer } from 'rxjs';
import { RequestTransactionInterceptor } from './request-transaction.interceptor';
import { requestTransaction } from './request-transaction';
import type { TenantDb } from '@cb/persistence';

class Routes {
  returnsBody(): string {
    return 'body';
  }
  writesItself(@Res() res: Response): void {
    res.end();
  }
  setsHeaders(@Res({ passthrough: true }) res: Response): string {
    res.setHeader('x', '1');
    return 'body';
  }
}

/** A request that went through requestTransaction, with a recorded `end`. */
function readRequest(events: string[]): { req: Request; res: Response } {
  const db = {
    inRequest: (fn: (end: (commit: boolean) => Promise<void>) => void) =>
      fn(async (commit) => {
        events.push(commit ? 'commit' : 'rollback');
      }),
  } as unknown as TenantDb;
  const req = { method: 'GET', headers: {} } as Request;
  const res = { statusCode: 200, once: () => undefined } as unknown as Response;
  requestTransaction(db)(req, res, () => undefined);
  return { req, res };
}

function contextFor(handler: keyof Routes, req: Request, res: Response): ExecutionContext {
  return {
    getType: () => 'http',
    getClass: () => Routes,
    getHandler: () => Routes.prototype[handler],
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ExecutionContext;
}

const handlerThat = (events: string[]): CallHandler => ({
  handle: () =>
    defer(() => {
      events.push('handler');
      return of('body');
    }),
});

describe('RequestTransactionInterceptor', () => {
  const interceptor = new RequestTransactionInterceptor();

  it('commits after the handler and before the value goes on to be serialised', async () => {
    const events: string[] = [];
    const { req, res } = readRequest(events);
    const out = interceptor.intercept(contextFor('returnsBody', req, res), handlerThat(events));
    expect(await lastValueFrom(out)).toBe('body');
    expect(events).toEqual(['handler', 'commit']);
  });

  it('commits before a handler that writes the response itself (@Res() without passthrough) runs', async () => {
    const events: string[] = [];
    const { req, res } = readRequest(events);
    await lastValueFrom(
      interceptor.intercept(contextFor('writesItself', req, res), handlerThat(events)),
    );
    expect(events).toEqual(['commit', 'handler']);
  });

  it('treats @Res({ passthrough: true }) like a returned body', async () => {
    const events: string[] = [];
    const { req, res } = readRequest(events);
    await lastValueFrom(
      interceptor.intercept(contextFor('setsHeaders', req, res), handlerThat(events)),
    );
    expect(events).toEqual(['handler', 'commit']);
  });

  it('rolls back a success body sent with an error status (set through passthrough)', async () => {
    const events: string[] = [];
    const { req, res } = readRequest(events);
    res.statusCode = 503;
    await lastValueFrom(
      interceptor.intercept(contextFor('setsHeaders', req, res), handlerThat(events)),
    );
    expect(events).toEqual(['handler', 'rollback']);
  });

  it('leaves a request without a shared transaction (a write) alone', async () => {
    const events: string[] = [];
    const req = { method: 'POST', headers: {} } as Request;
    const res = { statusCode: 201 } as Response;
    await lastValueFrom(
      interceptor.intercept(contextFor('returnsBody', req, res), handlerThat(events)),
    );
    expect(events).toEqual(['handler']);
  });
});
