import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@cb/domain';
import type { Request } from 'express';
import type { Principal } from '../common/auth/principal';

/**
 * Global, after authentication: session routes (/v1/auth/*) and the account's own security (/v1/me/*: password,
 * MFA) are for people. An API key acts for its creator, so without this a key could call logout and end its
 * creator's sessions, or change their password. GET /v1/me stays open to keys (which tenant am I?).
 */
@Injectable()
export class ApiKeyRoutesGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request & { user?: Principal }>();
    const forPeople = req.path.startsWith('/v1/auth/') || req.path.startsWith('/v1/me/');
    if (req.user?.kind === 'apiKey' && forPeople) {
      throw new DomainError(
        DomainErrorCode.Forbidden,
        'API keys cannot use session or account security endpoints',
      );
    }
    return true;
  }
}
