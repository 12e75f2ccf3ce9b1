import type { TenantDb } from '@cb/persistence';
import type { NextFunction, Request, Response } from 'express';

/**
 * One database transaction per read request: the bearer check's user look-up, the use case's rows and their
 * obligations all run in it, the tenant set once (a list is START, set_config, user, rows, COMMIT). Writes keep
 * their own transactions (a job is enqueued only after its rows are committed), and so do event streams, which
 * live for minutes. The transaction ends with the response, through the handle bound to this request: COMMIT
 * when the answer was a success (a read has nothing to lose if that COMMIT fails), ROLLBACK otherwise. A client
 * that hangs up mid-request ends it too (its handler's later queries then fail; nobody waits for the answer).
 */
/**
 * GETs that create what they answer on first use (the calendar feed's secret URL, the e-mail-in address): the
 * shared transaction commits after the response is sent, so the client's next request could miss the new row.
 * They keep their own transactions, committed before the answer.
 */
const CREATE_ON_READ = new Set(['/v1/calendar', '/v1/inbox']);

export function requestTransaction(db: TenantDb) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const readOnly =
      (req.method === 'GET' || req.method === 'HEAD') && !CREATE_ON_READ.has(req.path);
    if (!readOnly || (req.headers.accept ?? '').includes('text/event-stream')) {
      next();
      return;
    }
    db.inRequest((end) => {
      const done = () => {
        end(res.statusCode < 400).catch(() => undefined);
      };
      res.once('finish', done);
      res.once('close', done);
      next();
    });
  };
}
