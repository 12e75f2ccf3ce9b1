import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@cb/domain';
import type { Request } from 'express';
import type { Principal } from '../common/auth/principal';

/**
 * Global, after authentication: session routes (/v1/auth/*) are for people. An API key acts for its creator,
 * so without this a key could call logout and end its creator's sessions.
 */
@Injectable()
export class ApiKeyRoutesGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request & { user?: Principal }>();
    if (req.user?.kind === 'apiKey' && req.path.startsWith('/v1/auth/')) {
      throw new DomainError(DomainErrorCode.Forbidden, 'API keys cannot use session endpoints');
    }
    return true;
  }
}
