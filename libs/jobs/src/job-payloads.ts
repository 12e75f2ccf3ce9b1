/** Job names (`<noun>.<verb>`) and their payloads: ids and small scalars, never whole entities. */
export interface JobPayloads {
  'contract.parse': { tenantId: string; contractId: string; parseVersion: number };
  /** Tick: finds contracts stuck in processing and enqueues them again (or gives up on them). */
  'contracts.sweep': Record<string, never>;
  /** Hands one finished parse (an outbox row) to its consumers: webhooks, alerts, the live status. */
  'contract-event.publish': { tenantId: string; eventId: number };
  /** Tick: hands over contract events whose publish job was lost. */
  'contract-events.sweep': Record<string, never>;
  /** Rolls stored deadlines forward once their date has passed (evergreen renewals, recurring obligations). */
  'deadlines.refresh': Record<string, never>;
  /** Ends trials that ran out and sends the reminder before a trial ends. */
  'subscriptions.check': Record<string, never>;
  /** Tick: finds tenants with deadlines inside their alert window and enqueues alerts.tenant for each. */
  'alerts.scan': Record<string, never>;
  /**
   * A tenant's deadlines just changed (a parse finished, a person corrected terms): runs the scan for that one
   * tenant now instead of at the next tick, so an alert that is already due goes out within seconds.
   */
  'alerts.refresh': { tenantId: string };
  /** Records the tenant's due alerts (today is the tenant-local date) and enqueues their sends. */
  'alerts.tenant': { tenantId: string; today: string };
  /** One alert (a retry, or a pending alert whose batch was lost). */
  'alert.send': { tenantId: string; alertId: string };
  /** The alerts one per-tenant run recorded, sent one after another (at most MAX_ALERT_BATCH ids). */
  'alerts.send': { tenantId: string; alertIds: string[] };
  /** One recipient's weekly digest (the alert_digests row). */
  'digest.send': { tenantId: string; digestId: string };
  'webhook.deliver': { tenantId: string; deliveryId: string };
  /** Tick: enqueues again the webhook deliveries whose job was lost. */
  'webhooks.recover': Record<string, never>;
  /** Reads one bulk import's ZIP entry by entry; each file becomes a contract (resumes where it stopped). */
  'import.expand': { tenantId: string; importId: string };
  /** Tick: enqueues again the imports whose job was lost before they finished. */
  'imports.sweep': Record<string, never>;
  /** Tick: the search's common words from the statistics (see the SearchCommonWords migration). */
  'search.common-words': Record<string, never>;
}
export type JobName = keyof JobPayloads;

/** The most alert ids one `alerts.send` job carries (about 37 kB of payload). */
export const MAX_ALERT_BATCH = 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class InvalidPayloadError extends Error {}

type Data = Record<string, unknown>;

function uuid(d: Data, field: string): string {
  const v = d[field];
  if (typeof v !== 'string' || !UUID.test(v)) throw new InvalidPayloadError(field);
  return v;
}

function positiveInt(d: Data, field: string): number {
  const v = d[field];
  if (!Number.isInteger(v) || (v as number) < 0) throw new InvalidPayloadError(field);
  return v as number;
}

const none = (): Record<string, never> => ({});

/**
 * Payload validation, in one place: what a job carries is checked on dequeue (a malformed payload is a permanent
 * failure) and only the known fields are kept.
 */
const PARSERS: { [N in JobName]: (d: Data) => JobPayloads[N] } = {
  'contract.parse': (d) => ({
    tenantId: uuid(d, 'tenantId'),
    contractId: uuid(d, 'contractId'),
    parseVersion: positiveInt(d, 'parseVersion'),
  }),
  'contracts.sweep': none,
  'contract-event.publish': (d) => ({
    tenantId: uuid(d, 'tenantId'),
    eventId: positiveInt(d, 'eventId'),
  }),
  'contract-events.sweep': none,
  'deadlines.refresh': none,
  'subscriptions.check': none,
  'alerts.scan': none,
  'alerts.refresh': (d) => ({ tenantId: uuid(d, 'tenantId') }),
  'alerts.tenant': (d) => {
    const today = d.today;
    if (typeof today !== 'string' || !ISO_DATE.test(today)) throw new InvalidPayloadError('today');
    return { tenantId: uuid(d, 'tenantId'), today };
  },
  'alert.send': (d) => ({ tenantId: uuid(d, 'tenantId'), alertId: uuid(d, 'alertId') }),
  'alerts.send': (d) => {
    const tenantId = uuid(d, 'tenantId');
    const ids = d.alertIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_ALERT_BATCH)
      throw new InvalidPayloadError('alertIds');
    if (!ids.every((id) => typeof id === 'string' && UUID.test(id)))
      throw new InvalidPayloadError('alertIds');
    return { tenantId, alertIds: ids as string[] };
  },
  'digest.send': (d) => ({ tenantId: uuid(d, 'tenantId'), digestId: uuid(d, 'digestId') }),
  'webhook.deliver': (d) => ({ tenantId: uuid(d, 'tenantId'), deliveryId: uuid(d, 'deliveryId') }),
  'webhooks.recover': none,
  'import.expand': (d) => ({ tenantId: uuid(d, 'tenantId'), importId: uuid(d, 'importId') }),
  'imports.sweep': none,
  'search.common-words': none,
};

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(PARSERS, name);
}

/** Validates a payload on dequeue; throws InvalidPayloadError naming the bad field. */
export function parsePayload<N extends JobName>(name: N, data: unknown): JobPayloads[N] {
  if (!isJobName(name)) throw new InvalidPayloadError(`unknown job ${String(name)}`);
  const d = data && typeof data === 'object' ? (data as Data) : {};
  return PARSERS[name](d);
}

/** Deterministic job ids (BullMQ forbids ':' in custom ids, so the parts are joined with '.'). */
export function parseJobId(p: JobPayloads['contract.parse']): string {
  return `contract.parse.${p.tenantId}.${p.contractId}.${p.parseVersion}`;
}

export function importExpandJobId(p: JobPayloads['import.expand']): string {
  return `import.expand.${p.tenantId}.${p.importId}`;
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

export function contractEventJobId(p: JobPayloads['contract-event.publish']): string {
  return `contract-event.publish.${p.tenantId}.${p.eventId}`;
}
