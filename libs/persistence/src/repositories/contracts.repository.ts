import type { ContractStatus, DeadlineItem, ExtractedObligation } from '@cb/domain';
import { ContractEntity, DeadlineEntity, ObligationEntity } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';
import { decodeCursor, encodeCursor, type CursorValueKind } from './list-cursor';

export { decodeCursor, encodeCursor, InvalidCursorError } from './list-cursor';

export type ContractSort =
  | 'createdAt'
  | '-createdAt'
  | 'title'
  | '-title'
  | 'noticeDeadline'
  | 'nextRenewalDate'
  | 'expirationDate';

export interface ContractListQuery {
  q?: string;
  status?: ContractStatus;
  counterparty?: string;
  tag?: string;
  renewsBefore?: string;
  renewsAfter?: string;
  sort?: ContractSort;
  limit: number;
  cursor?: string;
}

// Sort keys map to SQL expressions that are never NULL, so keyset paging is one row comparison.
const SORTS: Record<ContractSort, { expr: string; dir: 'ASC' | 'DESC'; cast: CursorValueKind }> = {
  createdAt: { expr: 'c.created_at', dir: 'ASC', cast: 'timestamptz' },
  '-createdAt': { expr: 'c.created_at', dir: 'DESC', cast: 'timestamptz' },
  title: { expr: 'lower(coalesce(c.title, c.file_name))', dir: 'ASC', cast: 'text' },
  '-title': { expr: 'lower(coalesce(c.title, c.file_name))', dir: 'DESC', cast: 'text' },
  noticeDeadline: {
    expr: "coalesce(c.notice_deadline, 'infinity'::date)",
    dir: 'ASC',
    cast: 'date',
  },
  nextRenewalDate: {
    expr: "coalesce(c.next_renewal_date, 'infinity'::date)",
    dir: 'ASC',
    cast: 'date',
  },
  expirationDate: {
    expr: "coalesce(c.expiration_date, 'infinity'::date)",
    dir: 'ASC',
    cast: 'date',
  },
};

export class ContractsRepository extends TenantScopedRepository<ContractEntity> {
  constructor(db: TenantDb) {
    super(db, ContractEntity);
  }

  get(tenantId: string, id: string): Promise<ContractEntity | null> {
    return this.findOne(tenantId, { id });
  }

  /** The contract with its extracted text and page offsets (not selected by default). */
  getWithText(tenantId: string, id: string): Promise<ContractEntity | null> {
    return this.run(tenantId, (m) =>
      m
        .createQueryBuilder(ContractEntity, 'c')
        .addSelect(['c.text', 'c.pageStarts'])
        .where('c.tenant_id = :tenantId AND c.id = :id', { tenantId, id })
        .getOne(),
    );
  }

  lockForUpdate(tenantId: string, id: string): Promise<ContractEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(ContractEntity, {
        where: this.scoped(tenantId, { id }),
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }

  async list(
    tenantId: string,
    query: ContractListQuery,
  ): Promise<{ rows: ContractEntity[]; nextCursor: string | null }> {
    const sort = SORTS[query.sort ?? '-createdAt'];
    return this.run(tenantId, async (m) => {
      const qb = m
        .createQueryBuilder(ContractEntity, 'c')
        .addSelect(`${sort.expr}::text`, 'sort_key')
        .where('c.tenant_id = :tenantId', { tenantId });
      if (query.q) qb.andWhere(`c.search @@ websearch_to_tsquery('english', :q)`, { q: query.q });
      if (query.status) qb.andWhere('c.status = :status', { status: query.status });
      if (query.counterparty)
        qb.andWhere('c.counterparty ILIKE :cp', { cp: `%${escapeLike(query.counterparty)}%` });
      if (query.tag) qb.andWhere(':tag = ANY(c.tags)', { tag: query.tag });
      if (query.renewsBefore) qb.andWhere('c.next_renewal_date < :rb', { rb: query.renewsBefore });
      if (query.renewsAfter) qb.andWhere('c.next_renewal_date > :ra', { ra: query.renewsAfter });
      if (query.cursor) {
        const { v, id } = decodeCursor(query.cursor, sort.cast);
        const op = sort.dir === 'ASC' ? '>' : '<';
        qb.andWhere(`(${sort.expr}, c.id) ${op} (CAST(:cv AS ${sort.cast}), CAST(:cid AS uuid))`, {
          cv: v,
          cid: id,
        });
      }
      qb.orderBy(sort.expr, sort.dir)
        .addOrderBy('c.id', sort.dir)
        .limit(query.limit + 1);
      const { entities, raw } = await qb.getRawAndEntities<{ sort_key: string }>();
      const hasMore = entities.length > query.limit;
      const rows = entities.slice(0, query.limit);
      const last = rows[rows.length - 1];
      const lastRaw = raw[rows.length - 1];
      return {
        rows,
        nextCursor: hasMore && last && lastRaw ? encodeCursor(lastRaw.sort_key, last.id) : null,
      };
    });
  }

  obligations(tenantId: string, contractId: string): Promise<ObligationEntity[]> {
    return this.run(tenantId, (m) =>
      m.find(ObligationEntity, { where: { tenantId, contractId }, order: { position: 'ASC' } }),
    );
  }

  obligationsFor(tenantId: string, contractIds: string[]): Promise<ObligationEntity[]> {
    if (contractIds.length === 0) return Promise.resolve([]);
    return this.run(tenantId, (m) =>
      m
        .createQueryBuilder(ObligationEntity, 'o')
        .where('o.tenant_id = :tenantId AND o.contract_id = ANY(:ids)', {
          tenantId,
          ids: contractIds,
        })
        .orderBy('o.position', 'ASC')
        .getMany(),
    );
  }

  /** Replaces a contract's obligations (a new parse); returns them saved, with their ids, in order. */
  replaceObligations(
    tenantId: string,
    contractId: string,
    obligations: readonly ExtractedObligation[],
  ): Promise<ObligationEntity[]> {
    return this.run(tenantId, async (m) => {
      await m.delete(ObligationEntity, { tenantId, contractId });
      return m.save(
        ObligationEntity,
        obligations.map((o, position) =>
          m.create(ObligationEntity, {
            tenantId,
            contractId,
            position,
            party: o.party,
            kind: o.kind,
            text: o.text,
            dueDate: o.dueDate,
            recurrence: o.recurrence,
            evidence: o.evidence,
          }),
        ),
      );
    });
  }

  /** Replaces the deadline rows of a contract (computed by the domain's deadlineList), in the caller's scope. */
  replaceDeadlines(
    tenantId: string,
    contractId: string,
    items: readonly DeadlineItem[],
  ): Promise<void> {
    return this.run(tenantId, async (m) => {
      await m.delete(DeadlineEntity, { tenantId, contractId });
      if (items.length === 0) return;
      await m.save(
        DeadlineEntity,
        items.map((d) =>
          m.create(DeadlineEntity, {
            tenantId,
            contractId,
            kind: d.kind,
            date: d.date,
            obligationId: d.obligationId ?? null,
          }),
        ),
      );
    });
  }

  /**
   * The tenant's oldest contract holding a file with these bytes, or null. Called inside the upload's
   * transaction after `lockFileHash`, so two uploads of the same file at once cannot both pass.
   */
  findBySha256(tenantId: string, sha256: string): Promise<ContractEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(ContractEntity, {
        where: this.scoped(tenantId, { fileSha256: sha256 }),
        order: { createdAt: 'ASC' },
      }),
    );
  }

  /** A transaction-scoped lock on (tenant, sha256): the duplicate check and the insert happen under it. */
  lockFileHash(tenantId: string, sha256: string): Promise<void> {
    return this.run(tenantId, async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `contract-file:${tenantId}:${sha256}`,
      ]);
    });
  }

  /** How many contracts of this tenant still point at a stored file (content-addressed blobs are shared). */
  countByStorageKey(tenantId: string, storageKey: string): Promise<number> {
    return this.count(tenantId, { storageKey });
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
