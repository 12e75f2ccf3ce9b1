import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../auth/principal';

export const IS_PUBLIC = 'isPublic';
/** The route needs no bearer token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const PERMISSION = 'permission';
/** The action the route performs; the permission guard checks role and API-key scope. */
export const RequirePermission = (action: string) => SetMetadata(PERMISSION, action);

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => {
    return ctx.switchToHttp().getRequest<Request & { user: Principal }>().user;
  },
);

export const CurrentTenant = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<Request & { user: Principal }>().user.tenantId;
});
