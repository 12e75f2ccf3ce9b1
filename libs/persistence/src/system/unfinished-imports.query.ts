import type { SystemDb } from '../tenant-db';

/** Imports not yet expanded and untouched for `idleMs` (their job may be lost), oldest first (read-only). */
export class UnfinishedImportsQuery {
  constructor(private readonly system: SystemDb) {}

  async run(idleMs: number, limit = 100): Promise<{ tenantId: string; importId: string }[]> {
    const rows: { id: string; tenant_id: string }[] = await this.system.dataSource.query(
      `SELECT i.id, i.tenant_id FROM imports i
        WHERE i.expanded_at IS NULL
          AND greatest(i.updated_at, coalesce(
                (SELECT max(it.updated_at) FROM import_items it WHERE it.import_id = i.id), i.updated_at))
              < now() - ($1::int * interval '1 millisecond')
        ORDER BY i.created_at LIMIT $2`,
      [idleMs, limit],
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, importId: r.id }));
  }
}
