import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@cb/application';
import type { Action } from '@cb/domain';
import type { Request } from 'express';
import { actorOf, type Principal } from '../auth/principal';

// Every route declares who may call it, with exactly one of @Public(), @RequirePermission(action) or
// @Authenticated() on the handler or its controller: a route with none fails lint and stops the API at boot
// (RouteDeclarationsCheck).

export const IS_PUBLIC = 'isPublic';
/** The route needs no bearer token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const PERMISSION = 'permission';
/** Any signed-in user or API key of the tenant may call the route (their own session, their own account). */
export const ANY_PRINCIPAL = 'authenticated';
/** The action the route performs; the permission guard checks role and API-key scope. */
export const RequirePermission = (action: Action) => SetMetadata(PERMISSION, action);
/** The route needs a valid token and no particular permission (e.g. GET /v1/me, logout). */
export const Authenticated = () => SetMetadata(PERMISSION, ANY_PRINCIPAL);

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => {
    return ctx.switchToHttp().getRequest<Request & { user: Principal }>().user;
  },
);

export const CurrentTenant = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<Request & { user: Principal }>().user.tenantId;
});

/** Who is calling, as the audit trail records it. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return actorOf(ctx.switchToHttp().getRequest<Request & { user: Principal }>().user);
});
