import type { DeadlineKind } from '@cb/domain';
import { DeadlineEntity } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export interface DeadlineView {
  contractId: string;
  contractTitle: string;
  kind: DeadlineKind;
  date: string;
  obligationId: string | null;
}

export class DeadlinesRepository extends TenantScopedRepository<DeadlineEntity> {
  constructor(db: TenantDb) {
    super(db, DeadlineEntity);
  }

  listBetween(
    tenantId: string,
    from: string,
    to: string,
    kind?: DeadlineKind,
    limit = 1000,
  ): Promise<DeadlineView[]> {
    return this.run(tenantId, async (m) => {
      const rows: {
        contract_id: string;
        title: string;
        kind: DeadlineKind;
        date: string;
        obligation_id: string | null;
      }[] = await m.query(
        `SELECT d.contract_id, coalesce(c.title, c.file_name) AS title, d.kind, to_char(d.date, 'YYYY-MM-DD') AS date, d.obligation_id
             FROM deadlines d JOIN contracts c ON c.id = d.contract_id AND c.tenant_id = d.tenant_id
            WHERE d.tenant_id = $1 AND d.date BETWEEN $2 AND $3 AND ($4::text IS NULL OR d.kind = $4)
            ORDER BY d.date, d.kind, d.contract_id
            LIMIT $5`,
        [tenantId, from, to, kind ?? null, limit],
      );
      return rows.map((r) => ({
        contractId: r.contract_id,
        contractTitle: r.title,
        kind: r.kind,
        date: r.date,
        obligationId: r.obligation_id,
      }));
    });
  }
}
