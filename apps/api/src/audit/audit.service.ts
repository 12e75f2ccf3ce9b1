import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail, type Actor, type AuditAction } from '@cb/application';
import type { Principal } from '../common/auth/principal';
import { actorOf } from '../common/auth/principal';
import { currentPrincipal } from './audit-context';

export interface AuditDetails {
  targetType?: string;
  targetId?: string;
  contractId?: string;
  data?: Record<string, unknown>;
  /** Defaults to the principal of the request being served. */
  actor?: Principal | Actor;
}

/**
 * The API's door to the audit trail (AuditTrail in the application layer): services that have no actor at
 * hand record as the principal of the request being served. Call inside the change's own transaction.
 */
@Injectable()
export class AuditService {
  constructor(@Inject(AuditTrail) private readonly trail: AuditTrail) {}

  async record(tenantId: string, action: AuditAction, details: AuditDetails = {}): Promise<void> {
    const { actor, ...rest } = details;
    const who = actor ?? currentPrincipal();
    await this.trail.record(tenantId, action, {
      ...rest,
      actor: !who ? { type: 'system', id: null } : 'kind' in who ? actorOf(who) : who,
    });
  }
}
