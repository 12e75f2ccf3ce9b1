/** Job names (`<noun>.<verb>`) and their payloads: ids and small scalars, never whole entities. */
export interface JobPayloads {
  'contract.parse': { tenantId: string; contractId: string; parseVersion: number };
  'contracts.sweep': Record<string, never>;
  /** Rolls stored deadlines forward once their date has passed (evergreen renewals, recurring obligations). */
  'deadlines.refresh': Record<string, never>;
  /** Ends trials that ran out and sends the reminder 3 days before a trial ends. */
  'subscriptions.check': Record<string, never>;
  /** Tick: finds tenants with deadlines inside their alert window and enqueues alerts.tenant for each. */
  'alerts.scan': Record<string, never>;
  /**
   * A tenant's deadlines just changed (a parse finished, a person corrected terms): runs the scan for that one
   * tenant now instead of at the next tick, so an alert that is already due goes out within seconds.
   */
  'alerts.refresh': { tenantId: string };
  /** Records the tenant's due alerts (today is the tenant-local date) and enqueues alert.send for new ones. */
  'alerts.tenant': { tenantId: string; today: string };
  /** One alert (a retry, or a pending alert whose batch was lost). */
  'alert.send': { tenantId: string; alertId: string };
  /** The alerts one per-tenant run recorded, sent one after another (at most MAX_ALERT_BATCH ids). */
  'alerts.send': { tenantId: string; alertIds: string[] };
  /** One recipient's weekly digest (the alert_digests row). */
  'digest.send': { tenantId: string; digestId: string };
  'webhook.deliver': { tenantId: string; deliveryId: string };
  /** Tick: finds contracts that finished parsing or failed and records contract.parsed / contract.failed events. */
  'webhooks.contracts': Record<string, never>;
}
export type JobName = keyof JobPayloads;

/** The most alert ids one `alerts.send` job carries (about 37 kB of payload). */
export const MAX_ALERT_BATCH = 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class InvalidPayloadError extends Error {}

/** Validates a payload on dequeue; a malformed one is a permanent failure. */
export function parsePayload<N extends JobName>(name: N, data: unknown): JobPayloads[N] {
  const d = (data ?? {}) as Record<string, unknown>;
  switch (name) {
    case 'contract.parse':
      if (typeof d.tenantId !== 'string' || !UUID.test(d.tenantId))
        throw new InvalidPayloadError('tenantId');
      if (typeof d.contractId !== 'string' || !UUID.test(d.contractId))
        throw new InvalidPayloadError('contractId');
      if (!Number.isInteger(d.parseVersion)) throw new InvalidPayloadError('parseVersion');
      return d as unknown as JobPayloads[N];
    case 'contracts.sweep':
      return {} as JobPayloads[N];
    case 'deadlines.refresh':
      return {} as JobPayloads[N];
    case 'subscriptions.check':
      return {} as JobPayloads[N];
    case 'alerts.scan':
      return {} as JobPayloads[N];
    case 'alerts.refresh':
      if (typeof d.tenantId !== 'string' || !UUID.test(d.tenantId))
        throw new InvalidPayloadError('tenantId');
      return { tenantId: d.tenantId } as JobPayloads[N];
    case 'alerts.tenant':
      if (typeof d.tenantId !== 'string' || !UUID.test(d.tenantId))
        throw new InvalidPayloadError('tenantId');
      if (typeof d.today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d.today))
        throw new InvalidPayloadError('today');
      return { tenantId: d.tenantId, today: d.today } as JobPayloads[N];
    case 'alert.send':
      if (typeof d.tenantId !== 'string' || !UUID.test(d.tenantId))
        throw new InvalidPayloadError('tenantId');
      if (typeof d.alertId !== 'string' || !UUID.test(d.alertId))
        throw new InvalidPayloadError('alertId');
      return { tenantId: d.tenantId, alertId: d.alertId } as JobPayloads[N];
    case 'alerts.send': {
      if (typeof d.tenantId !== 'string' || !UUID.test(d.tenantId))
        throw new InvalidPayloadError('tenantId');
      const ids = d.alertIds;
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_ALERT_BATCH)
        throw new InvalidPayloadError('alertIds');
      if (!ids.every((id) => typeof id === 'string' && UUID.test(id)))
        throw new InvalidPayloadError('alertIds');
      return { tenantId: d.tenantId, alertIds: ids as string[] } as JobPayloads[N];
    }
    case 'digest.send':
      if (typeof d.tenantId !== 'string' || !UUID.test(d.tenantId))
        throw new InvalidPayloadError('tenantId');
      if (typeof d.digestId !== 'string' || !UUID.test(d.digestId))
        throw new InvalidPayloadError('digestId');
      return { tenantId: d.tenantId, digestId: d.digestId } as JobPayloads[N];
    case 'webhook.deliver':
      if (typeof d.tenantId !== 'string' || !UUID.test(d.tenantId))
        throw new InvalidPayloadError('tenantId');
      if (typeof d.deliveryId !== 'string' || !UUID.test(d.deliveryId))
        throw new InvalidPayloadError('deliveryId');
      return { tenantId: d.tenantId, deliveryId: d.deliveryId } as JobPayloads[N];
    case 'webhooks.contracts':
      return {} as JobPayloads[N];
    default:
      throw new InvalidPayloadError(`unknown job ${String(name)}`);
  }
}

/** Deterministic job ids (BullMQ forbids ':' in custom ids, so the parts are joined with '.'). */
export function parseJobId(p: JobPayloads['contract.parse']): string {
  return `contract.parse.${p.tenantId}.${p.contractId}.${p.parseVersion}`;
}

/** One per-tenant alert job per tenant-local day while it is queued or running. */
export function alertsTenantJobId(p: JobPayloads['alerts.tenant']): string {
  return `alerts.tenant.${p.tenantId}.${p.today}`;
}

/**
 * A batch is named by its first alert: each new alert is recorded by exactly one run and lands in exactly one
 * batch, so the id is unique; a re-add of the same batch is a no-op while it is queued.
 */
export function alertsSendJobId(p: JobPayloads['alerts.send']): string {
  return `alerts.send.${p.tenantId}.${p.alertIds[0]}`;
}

/** One send job per alert row: a re-enqueue of the same alert is a no-op while the first is queued. */
export function alertSendJobId(p: JobPayloads['alert.send']): string {
  return `alert.send.${p.tenantId}.${p.alertId}`;
}

export function digestSendJobId(p: JobPayloads['digest.send']): string {
  return `digest.send.${p.tenantId}.${p.digestId}`;
}

export function webhookDeliverJobId(p: JobPayloads['webhook.deliver']): string {
  return `webhook.deliver.${p.tenantId}.${p.deliveryId}`;
}
