import {
  Inject,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, of, type Observable } from 'rxjs';
import { catchError, mergeMap, tap } from 'rxjs/operators';
import type { Principal } from '../common/auth/principal';
import { IdempotencyService } from './idempotency.service';

export const HANDLES_OWN_IDEMPOTENCY = 'handlesOwnIdempotency';
/** The handler applies Idempotency-Key itself (multipart uploads fingerprint the file, not the raw body). */
export const HandlesOwnIdempotency = () => SetMetadata(HANDLES_OWN_IDEMPOTENCY, true);

/** Applies `Idempotency-Key` to every authenticated POST. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request & { user?: Principal }>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const key = req.header('idempotency-key');
    const own = this.reflector.getAllAndOverride<boolean>(HANDLES_OWN_IDEMPOTENCY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (req.method !== 'POST' || !key || !req.user || own) return next.handle();
    const tenantId = req.user.tenantId;
    const path = req.originalUrl.split('?')[0] ?? req.originalUrl;
    const hash = IdempotencyService.fingerprint({
      method: req.method,
      path,
      body: req.body as unknown,
    });
    return from(this.idempotency.begin(tenantId, key, req.method, path, hash)).pipe(
      mergeMap((outcome) => {
        if (outcome.kind === 'replay') {
          res.status(outcome.statusCode);
          res.setHeader('Idempotent-Replayed', 'true');
          return of(outcome.body);
        }
        return next.handle().pipe(
          mergeMap((body: unknown) =>
            from(this.idempotency.complete(tenantId, key, res.statusCode, body ?? null)).pipe(
              mergeMap(() => of(body)),
            ),
          ),
          catchError((err: unknown) =>
            from(this.idempotency.release(tenantId, key)).pipe(
              tap(() => {
                throw err;
              }),
            ),
          ),
        );
      }),
    );
  }
}
