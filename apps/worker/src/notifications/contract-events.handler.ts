import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { SystemDb } from '@cb/persistence';
import { WebhookEventsService, type WebhookEvent } from './webhook-events.service';

interface FinishedRow {
  tenant_id: string;
  id: string;
  status: 'parsed' | 'needs_review' | 'failed';
  parse_version: number;
  title: string;
  error_code: string | null;
  error_message: string | null;
}

/** Contracts that finished more than this long ago are not announced (e.g. after a long outage). */
const LOOKBACK = '1 day';
const BATCH = 500;

/** The event key of a parse outcome: one contract.parsed or contract.failed per contract and parse version. */
export function contractEventKey(
  type: 'contract.parsed' | 'contract.failed',
  contractId: string,
  parseVersion: number,
): string {
  return `${type}.${contractId}.${parseVersion}`;
}

/**
 * Turns finished parses into contract.parsed / contract.failed webhook events. A tick, not a hook in the
 * parse pipeline: it reads the contracts' state (so a parse finished by any worker, or failed by the
 * sweeper, is announced) and records each event once per endpoint under its unique key; only endpoints
 * subscribed to the event and created before the contract finished are considered, and only contracts of
 * tenants that have such endpoints are read.
 */
@Injectable()
export class ContractEventsHandler {
  private readonly logger = new Logger(ContractEventsHandler.name);

  constructor(
    @Inject(SystemDb) private readonly system: SystemDb,
    @Inject(WebhookEventsService) private readonly events: WebhookEventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async scan(): Promise<{ events: number; requeued: number }> {
    // Cross-tenant by nature (the owner connection, read-only); writes go through tenant scopes.
    const rows: FinishedRow[] = await this.system.dataSource.query(
      `SELECT DISTINCT c.tenant_id, c.id, c.status, c.parse_version, coalesce(c.title, c.file_name) AS title,
              c.error_code, c.error_message
         FROM webhook_endpoints e
         JOIN contracts c ON c.tenant_id = e.tenant_id
          AND c.status IN ('parsed', 'needs_review', 'failed')
          AND c.updated_at > greatest(e.created_at, now() - interval '${LOOKBACK}')
        WHERE e.events @> ARRAY[CASE WHEN c.status = 'failed' THEN 'contract.failed' ELSE 'contract.parsed' END]
          AND NOT EXISTS (
            SELECT 1 FROM webhook_deliveries d
             WHERE d.tenant_id = c.tenant_id AND d.endpoint_id = e.id
               AND d.event_key = (CASE WHEN c.status = 'failed' THEN 'contract.failed' ELSE 'contract.parsed' END)
                                 || '.' || c.id || '.' || c.parse_version)
        LIMIT ${BATCH}`,
    );
    const byTenant = new Map<string, WebhookEvent[]>();
    for (const r of rows) {
      const type = r.status === 'failed' ? 'contract.failed' : 'contract.parsed';
      const event: WebhookEvent = {
        type,
        key: contractEventKey(type, r.id, r.parse_version),
        data: {
          contractId: r.id,
          title: r.title,
          status: r.status,
          url: `${this.config.appUrl}/contracts/${r.id}`,
          ...(r.status === 'failed'
            ? { error: { code: r.error_code, message: r.error_message } }
            : {}),
        },
      };
      byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), event]);
    }
    let events = 0;
    for (const [tenantId, list] of byTenant) events += await this.events.emit(tenantId, list);
    const requeued = await this.requeueLostDeliveries();
    if (events || requeued)
      this.logger.log({ events, requeued }, 'Contract webhook events recorded');
    return { events, requeued };
  }

  /**
   * Deliveries still pending a minute after they were recorded and without a job (the process died between
   * the commit and the enqueue) are enqueued again; the deterministic job id makes this a no-op for a
   * delivery whose job exists (waiting, retrying or running).
   */
  private async requeueLostDeliveries(): Promise<number> {
    const rows: { tenant_id: string; id: string }[] = await this.system.dataSource.query(
      `SELECT tenant_id, id FROM webhook_deliveries
        WHERE status = 'pending' AND attempts = 0 AND created_at < now() - interval '1 minute'
        ORDER BY created_at LIMIT ${BATCH}`,
    );
    const byTenant = new Map<string, string[]>();
    for (const r of rows) byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), r.id]);
    for (const [tenantId, ids] of byTenant) await this.events.enqueue(tenantId, ids);
    return rows.length;
  }
}
