import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { RESPONSE_PASSTHROUGH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request, Response } from 'express';
import { from, type Observable } from 'rxjs';
import { concatMap, switchMap } from 'rxjs/operators';
import { requestTransactionOf } from './request-transaction';

/**
 * Ends a read request's shared transaction (requestTransaction) before the answer is sent: COMMIT once the
 * handler's value is ready, before Nest serialises and writes it (a failed COMMIT becomes the error answered).
 * Errors are rolled back by ProblemFilter before it writes the problem. A handler that writes the response
 * itself (@Res() without passthrough) would answer before this could commit, so the transaction (the guards'
 * reads) is committed before it runs and its queries get transactions of their own, committed before it answers.
 */
@Injectable()
export class RequestTransactionInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const http = ctx.switchToHttp();
    const tx = requestTransactionOf(http.getRequest<Request>());
    if (!tx) return next.handle();
    if (writesOwnResponse(ctx)) return from(tx.end(true)).pipe(switchMap(() => next.handle()));
    const res = http.getResponse<Response>();
    return next.handle().pipe(
      concatMap(async (value: unknown) => {
        await tx.end(res.statusCode < 400);
        return value;
      }),
    );
  }
}

/** The handler takes @Res() or @Next() without passthrough: it sends the response itself. */
function writesOwnResponse(ctx: ExecutionContext): boolean {
  const handler = ctx.getHandler();
  const controller = ctx.getClass();
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {}) as Record<
    string,
    unknown
  >;
  const takesResponse = Object.keys(args).some((key) => {
    const type = Number(key.split(':')[0]);
    return type === RouteParamtypes.RESPONSE || type === RouteParamtypes.NEXT;
  });
  return (
    takesResponse && !Reflect.getMetadata(RESPONSE_PASSTHROUGH_METADATA, controller, handler.name)
  );
}
