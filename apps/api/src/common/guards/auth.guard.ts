import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, DomainErrorCode } from '@cb/domain';
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
    return super.canActivate(ctx);
  }

  override handleRequest<T>(err: unknown, user: T | false): T {
    if (err || !user)
      throw new DomainError(DomainErrorCode.Unauthenticated, 'A valid bearer token is required');
    return user;
  }
}
