import { AuditEventEntity } from '../entities/audit-event.entity';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';
import { decodeCursor, encodeCursor } from './list-cursor';

export interface AuditEventListQuery {
  limit: number;
  cursor?: string;
  contractId?: string;
}

/** The audit trail: insert and read only (the database refuses UPDATE and DELETE to the app role). */
export class AuditEventsRepository extends TenantScopedRepository<AuditEventEntity> {
  constructor(db: TenantDb) {
    super(db, AuditEventEntity);
  }

  /** Newest first; the cursor is (created_at, id) of the last row. Throws InvalidCursorError on a bad cursor. */
  list(
    tenantId: string,
    query: AuditEventListQuery,
  ): Promise<{ rows: AuditEventEntity[]; nextCursor: string | null }> {
    return this.run(tenantId, async (m) => {
      const qb = m
        .createQueryBuilder(AuditEventEntity, 'e')
        .where('e.tenant_id = :tenantId', { tenantId })
        .orderBy('e.created_at', 'DESC')
        .addOrderBy('e.id', 'DESC')
        .take(query.limit + 1);
      if (query.contractId)
        qb.andWhere('e.contract_id = :contractId', { contractId: query.contractId });
      if (query.cursor) {
        const { v, id } = decodeCursor(query.cursor, 'timestamptz');
        qb.andWhere('(e.created_at, e.id) < (CAST(:v AS timestamptz), CAST(:id AS uuid))', {
          v,
          id,
        });
      }
      const rows = await qb.getMany();
      const hasMore = rows.length > query.limit;
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      // Microsecond precision matters for the keyset: read it back as text rather than through a JS Date.
      let nextCursor: string | null = null;
      if (hasMore && last) {
        const [{ ts }] = (await m.query(
          `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ts FROM audit_events WHERE tenant_id = $1 AND id = $2`,
          [tenantId, last.id],
        )) as { ts: string }[];
        nextCursor = encodeCursor(ts, last.id);
      }
      return { rows: page, nextCursor };
    });
  }
}
