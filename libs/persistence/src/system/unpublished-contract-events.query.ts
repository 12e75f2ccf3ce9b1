import type { SystemDb } from '../tenant-db';

/**
 * Contract events not handed to their consumers `olderThanMs` after they were written (the publish job was
 * lost: Redis was down at the commit, or the process died right after it). Cross-tenant, read-only.
 */
export class UnpublishedContractEventsQuery {
  constructor(private readonly system: SystemDb) {}

  async run(olderThanMs: number, limit = 500): Promise<{ tenantId: string; eventId: number }[]> {
    const rows: { tenant_id: string; id: string }[] = await this.system.dataSource.query(
      `SELECT tenant_id, id FROM contract_events
        WHERE published_at IS NULL AND created_at < now() - ($1::int * interval '1 millisecond')
        ORDER BY created_at LIMIT $2`,
      [olderThanMs, limit],
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, eventId: Number(r.id) }));
  }
}
