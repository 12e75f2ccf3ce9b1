import type { TenantDb } from '@cb/persistence';
import type { NextFunction, Request, Response } from 'express';

/** The handle of a read request's shared transaction (see requestTransaction). */
export interface RequestTransactionHandle {
  /** COMMIT (or ROLLBACK) and release; a no-op once ended. Later queries of the request get their own. */
  end(commit: boolean): Promise<void>;
}

const HANDLE = Symbol('requestTransaction');
type WithHandle = Request & { [HANDLE]?: RequestTransactionHandle };

/** The shared transaction of this request, if it has one (a GET or HEAD that is not an event stream). */
export function requestTransactionOf(req: Request): RequestTransactionHandle | undefined {
  return (req as WithHandle)[HANDLE];
}

/**
 * One database transaction per read request: the bearer check's user look-up, the use case's rows and their
 * obligations all run in it, the tenant set once (a list is START with the tenant, user, rows, COMMIT). Writes keep
 * their own transactions (a job is enqueued only after its rows are committed), and so do event streams, which
 * live for minutes.
 *
 * The transaction ends before the response is sent, so what a GET creates on first use (the calendar feed's
 * secret URL, the e-mail-in address) is committed when the client reads the answer: RequestTransactionInterceptor
 * commits when the handler's value is ready (before Nest serialises it), ProblemFilter rolls back before it writes
 * an error. A client that hangs up does not end it: the handler finishes in its transaction, which is then ended
 * the same way and its connection released (ending it under the handler would run the handler's later queries
 * outside it, without the tenant). The response's `finish` is a last resort for a route that answered by itself.
 */
export function requestTransaction(db: TenantDb) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    if (!readOnly || (req.headers.accept ?? '').includes('text/event-stream')) {
      next();
      return;
    }
    db.inRequest((end) => {
      (req as WithHandle)[HANDLE] = { end };
      res.once('finish', () => {
        end(res.statusCode < 400).catch(() => undefined);
      });
      next();
    });
  };
}
