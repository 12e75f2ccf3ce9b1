import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  apiKeyCan,
  can,
  DomainError,
  DomainErrorCode,
  type Action,
  type ApiKeyScope,
} from '@cb/domain';
import type { Request } from 'express';
import type { Principal } from '../auth/principal';
import { ANY_PRINCIPAL, PERMISSION } from '../decorators/auth.decorators';

/** Checks the route's action against the caller's role (users) or scopes (API keys): 403 when not allowed. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const action = this.reflector.getAllAndOverride<Action | typeof ANY_PRINCIPAL | undefined>(
      PERMISSION,
      [ctx.getHandler(), ctx.getClass()],
    );
    if (!action || action === ANY_PRINCIPAL) return true;
    const principal = ctx.switchToHttp().getRequest<Request & { user?: Principal }>().user;
    if (!principal) return true; // public route
    const allowed =
      can(principal.role, action) &&
      (principal.scopes === null || apiKeyCan(principal.scopes as ApiKeyScope[], action));
    if (!allowed)
      throw new DomainError(DomainErrorCode.Forbidden, `Your role or key does not allow ${action}`);
    return true;
  }
}
