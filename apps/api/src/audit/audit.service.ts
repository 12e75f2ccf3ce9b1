import { Inject, Injectable } from '@nestjs/common';
import { AuditEventsRepository, type AuditActorType } from '@cb/persistence';
import type { Principal } from '../common/auth/principal';
import { currentPrincipal } from './audit-context';

export const AUDIT_ACTIONS = [
  'contract.uploaded',
  'contract.updated',
  'contract.deleted',
  'user.invited',
  'user.joined',
  'user.role_changed',
  'user.removed',
  'apikey.created',
  'apikey.revoked',
  'subscription.plan_changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditDetails {
  targetType?: string;
  targetId?: string;
  contractId?: string;
  data?: Record<string, unknown>;
  /** Defaults to the principal of the request being served. */
  actor?: Principal | { type: 'operator' | 'system'; id: string | null };
}

/** Appends to the audit trail. Call inside the change's own transaction (TenantDb.run) so both commit together. */
@Injectable()
export class AuditService {
  constructor(@Inject(AuditEventsRepository) private readonly events: AuditEventsRepository) {}

  async record(tenantId: string, action: AuditAction, details: AuditDetails = {}): Promise<void> {
    const actor = details.actor ?? currentPrincipal();
    let actorType: AuditActorType = 'system';
    let actorId: string | null = null;
    if (actor && 'kind' in actor) {
      actorType = actor.kind === 'apiKey' ? 'apiKey' : 'user';
      actorId = actor.kind === 'apiKey' ? (actor.apiKeyId ?? null) : actor.userId;
    } else if (actor) {
      actorType = actor.type;
      actorId = actor.id;
    }
    await this.events.insert(tenantId, {
      actorType,
      actorId,
      action,
      targetType: details.targetType ?? null,
      targetId: details.targetId ?? null,
      contractId: details.contractId ?? null,
      data: details.data ?? {},
    });
  }
}
