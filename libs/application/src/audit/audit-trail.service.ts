import type { AuditEventsRepository } from '@cb/persistence';
import type { Actor } from './actor';

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
  'invitation.revoked',
  'user.password_changed',
  'user.password_reset',
  'user.email_verified',
  'user.mfa_enabled',
  'user.mfa_disabled',
  'user.mfa_recovery_codes_renewed',
  'tenant.mfa_requirement_changed',
  'subscription.plan_changed',
  'billing.checkout_started',
  'billing.order_placed',
  'billing.order_activated',
  'billing.invoice_paid',
  'inbox.rotated',
  'import.started',
  'tenant.sso_configured',
  'tenant.sso_removed',
  'deadline.decided',
  'deadline.decision_undone',
  'contract.terminated',
  'deadline.snoozed',
  'deadline.snooze_ended',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditDetails {
  actor: Actor;
  targetType?: string;
  targetId?: string;
  contractId?: string;
  data?: Record<string, unknown>;
}

/** Appends to the audit trail. Call inside the change's own transaction (TenantDb.run) so both commit together. */
export class AuditTrail {
  constructor(private readonly events: AuditEventsRepository) {}

  async record(tenantId: string, action: AuditAction, details: AuditDetails): Promise<void> {
    await this.events.insert(tenantId, {
      actorType: details.actor.type,
      actorId: details.actor.id,
      action,
      targetType: details.targetType ?? null,
      targetId: details.targetId ?? null,
      contractId: details.contractId ?? null,
      data: details.data ?? {},
    });
  }
}
