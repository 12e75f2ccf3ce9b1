import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { TenantDb } from '@cb/persistence';
import type { NextFunction, Request, Response } from 'express';
import { catchError, concatMap, from, throwError, type Observable } from 'rxjs';

/**
 * One database transaction per read request: the bearer check's user look-up, the use case's rows and their
 * obligations all run in it, the tenant set once (a list is START, set_config, user, rows, COMMIT). Writes keep
 * their own transactions (a job is enqueued only after its rows are committed), and so do event streams, which
 * live for minutes. The interceptor commits as soon as the handler has its answer; the response's end is the
 * fallback (a guard refused the request, or the handler failed before the interceptor ran).
 */
export function requestTransaction(db: TenantDb) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
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

/** Commits the request's transaction once the handler has answered (before the body is written), or rolls back. */
export class RequestTransactionInterceptor implements NestInterceptor {
  constructor(private readonly db: TenantDb) {}

  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      concatMap(async (value: unknown) => {
        await this.db.endRequest(true);
        return value;
      }),
      catchError((err: unknown) =>
        from(this.db.endRequest(false).catch(() => undefined)).pipe(
          concatMap(() => throwError(() => err)),
        ),
      ),
    );
  }
}
