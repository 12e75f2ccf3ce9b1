import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@cb/domain';
import type { Request } from 'express';
import type { Principal } from '../auth/principal';

/** What a user who must still turn on multi-factor authentication may call: their session and account. */
function allowedWhileEnrolling(req: Request): boolean {
  return (
    req.path.startsWith('/v1/auth/') ||
    req.path === '/v1/me' ||
    req.path.startsWith('/v1/me/') ||
    (req.method === 'GET' && req.path === '/v1/tenant/security')
  );
}

/**
 * Global, after authentication: when the tenant requires multi-factor authentication, a member without it may
 * only enrol (and sign out) until they turn it on: everything else answers 403 `mfa_enrollment_required`.
 */
@Injectable()
export class MfaEnrollmentGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request & { user?: Principal }>();
    if (req.user?.mfaEnrollmentRequired && !allowedWhileEnrolling(req)) {
      throw new DomainError(
        DomainErrorCode.MfaEnrollmentRequired,
        'Your organisation requires multi-factor authentication: turn it on first (POST /v1/me/mfa, then /v1/me/mfa/confirm)',
      );
    }
    return true;
  }
}
