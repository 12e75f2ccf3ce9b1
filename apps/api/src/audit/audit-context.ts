import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request } from 'express';
import type { Principal } from '../common/auth/principal';

/**
 * The request being served, for the audit trail: services record "who" without every method taking a
 * principal. The middleware opens the scope; passport sets `req.user` on the same object later.
 */
export const auditRequestScope = new AsyncLocalStorage<{ req: Request & { user?: Principal } }>();

export function currentPrincipal(): Principal | undefined {
  return auditRequestScope.getStore()?.req.user;
}
