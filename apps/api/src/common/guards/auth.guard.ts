import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, DomainErrorCode } from '@cb/domain';
import { isDatabaseBusy } from '@cb/persistence';
import type { Request } from 'express';
import { IS_PUBLIC } from '../decorators/auth.decorators';

/** Global: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class BearerAuthGuard extends AuthGuard('bearer') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(ctx: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (isPublic) return true;
    // Tokens travel only in the Authorization header: in a URL they end up in logs, history and Referer
    // headers (passport-http-bearer would otherwise also read `access_token` from the query and the body).
    const req = ctx.switchToHttp().getRequest<Request>();
    const body = req.body as Record<string, unknown> | undefined;
    if (
      Object.prototype.hasOwnProperty.call(req.query ?? {}, 'access_token') ||
      (body &&
        typeof body === 'object' &&
        Object.prototype.hasOwnProperty.call(body, 'access_token'))
    ) {
      throw new DomainError(
        DomainErrorCode.Unauthenticated,
        'Send the token in the Authorization header (Bearer); access_token parameters are not accepted',
      );
    }
    return super.canActivate(ctx);
  }

  override handleRequest<T>(err: unknown, user: T | false): T {
    // No connection to check the token with is an overload (503 with Retry-After), not a bad token.
    if (isDatabaseBusy(err)) throw err;
    if (err || !user)
      throw new DomainError(DomainErrorCode.Unauthenticated, 'A valid bearer token is required');
    return user;
  }
}
