import {
  Inject,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { assertCanWrite } from '@cb/domain';
import { SubscriptionChangeStore } from '@cb/persistence';
import type { Request } from 'express';
import type { Principal } from '../common/auth/principal';

export const WRITES_WITHOUT_SUBSCRIPTION = 'writesWithoutSubscription';
/** The route must work for a tenant without a subscription (choosing a plan, payment webhooks). */
export const AllowWithoutSubscription = () => SetMetadata(WRITES_WITHOUT_SUBSCRIPTION, true);

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global, after authentication: a tenant whose trial or subscription ended keeps reading, and every write
 * answers 402 `subscription_required`. Signing in and out and choosing a plan still work.
 */
@Injectable()
export class SubscriptionGateGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SubscriptionChangeStore) private readonly subscriptions: SubscriptionChangeStore,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request & { user?: Principal }>();
    if (READ_METHODS.has(req.method)) return true;
    const principal = req.user;
    if (!principal) return true; // a public route (signup, login, accepting an invitation)
    if (
      this.reflector.getAllAndOverride<boolean>(WRITES_WITHOUT_SUBSCRIPTION, [
        ctx.getHandler(),
        ctx.getClass(),
      ])
    )
      return true;
    if ((req.originalUrl ?? req.url).startsWith('/v1/auth/')) return true;
    assertCanWrite(await this.subscriptions.get(principal.tenantId), new Date());
    return true;
  }
}
