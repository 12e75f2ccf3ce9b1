import { createHash } from 'node:crypto';
import {
  Inject,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, of, type Observable } from 'rxjs';
import { catchError, mergeMap, tap } from 'rxjs/operators';
import type { MultipartRequest } from '../common/multipart/multipart.interceptor';
import { IdempotencyService } from './idempotency.service';

const STORED_REPLAY = 'idempotencyStoredReplay';
/**
 * What a replay answers, when it must differ from the first response: e.g. a created API key's secret is shown
 * once, so its replay (and what is stored for it) carries `key: null`.
 */
export const IdempotentReplay = <T>(toStored: (body: T) => unknown) =>
  SetMetadata(STORED_REPLAY, toStored);

/**
 * The one Idempotency-Key mechanism, for every authenticated POST: a replay with the same key within 24 h
 * answers the first response (status and body, with `Idempotent-Replayed: true`); the same key with a different
 * request is 422. A request is its method, path and JSON body, or for an upload its file (by SHA-256), file
 * name and fields, which MultipartInterceptor has read before this runs.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<MultipartRequest>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const key = req.header('idempotency-key');
    if (req.method !== 'POST' || !key || !req.user) return next.handle();
    const tenantId = req.user.tenantId;
    const path = req.originalUrl.split('?')[0] ?? req.originalUrl;
    const toStored =
      this.reflector.get<((body: unknown) => unknown) | undefined>(
        STORED_REPLAY,
        ctx.getHandler(),
      ) ?? ((body: unknown) => body);
    const hash = IdempotencyService.fingerprint(
      req.multipart
        ? {
            method: req.method,
            path,
            file: { sha256: req.multipart.file?.sha256 ?? null, name: req.multipart.fileName },
            fields: Object.fromEntries(req.multipart.fields),
            // Small file parts (an import's metadata CSV) count too: another CSV is another request.
            // (Only when there are some, so an upload's fingerprint stays what it always was.)
            ...(req.multipart.buffers.size
              ? {
                  buffers: Object.fromEntries(
                    [...req.multipart.buffers].map(([name, b]) => [
                      name,
                      {
                        sha256: createHash('sha256').update(b.data).digest('hex'),
                        name: b.fileName,
                      },
                    ]),
                  ),
                }
              : {}),
          }
        : { method: req.method, path, body: req.body as unknown },
    );
    return from(this.idempotency.begin(tenantId, key, req.method, path, hash)).pipe(
      mergeMap((outcome) => {
        if (outcome.kind === 'replay') {
          res.status(outcome.statusCode);
          res.setHeader('Idempotent-Replayed', 'true');
          return of(outcome.body);
        }
        return next.handle().pipe(
          mergeMap((body: unknown) =>
            from(
              this.idempotency.complete(tenantId, key, res.statusCode, toStored(body) ?? null),
            ).pipe(mergeMap(() => of(body))),
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
