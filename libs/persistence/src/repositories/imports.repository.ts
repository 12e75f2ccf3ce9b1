import { ImportEntity, ImportItemEntity, type ImportItemOutcome } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';
import { decodeCursor, encodeCursor } from './list-cursor';

/** An import's file with the status of its contract (to tell "created and parsed" from "still parsing"). */
export interface ImportItemView {
  position: number;
  path: string;
  outcome: ImportItemOutcome;
  contractId: string | null;
  message: string | null;
  contractStatus: string | null;
}

export class ImportsRepository extends TenantScopedRepository<ImportEntity> {
  constructor(db: TenantDb) {
    super(db, ImportEntity);
  }

  get(tenantId: string, id: string): Promise<ImportEntity | null> {
    return this.findOne(tenantId, { id });
  }

  lockForUpdate(tenantId: string, id: string): Promise<ImportEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(ImportEntity, {
        where: this.scoped(tenantId, { id }),
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }

  /** Imports still to be read that use this stored ZIP (the same bytes uploaded twice share one file). */
  countUnexpandedByStorageKey(tenantId: string, storageKey: string): Promise<number> {
    return this.run(tenantId, (m) =>
      m
        .createQueryBuilder(ImportEntity, 'i')
        .where('i.tenant_id = :tenantId AND i.storage_key = :storageKey', { tenantId, storageKey })
        .andWhere('i.expanded_at IS NULL')
        .getCount(),
    );
  }

  /** Newest first, keyset-paged. */
  async list(
    tenantId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ rows: ImportEntity[]; nextCursor: string | null }> {
    return this.run(tenantId, async (m) => {
      const qb = m
        .createQueryBuilder(ImportEntity, 'i')
        .where('i.tenant_id = :tenantId', { tenantId });
      if (cursor) {
        const { v, id } = decodeCursor(cursor, 'timestamptz');
        qb.andWhere('(i.created_at, i.id) < (CAST(:cv AS timestamptz), CAST(:cid AS uuid))', {
          cv: v,
          cid: id,
        });
      }
      const rows = await qb
        .orderBy('i.created_at', 'DESC')
        .addOrderBy('i.id', 'DESC')
        .limit(limit + 1)
        .getMany();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        rows: page,
        nextCursor:
          rows.length > limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null,
      };
    });
  }

  /** Records the files of the ZIP once (a re-run after a crash finds them there already). */
  addItems(
    tenantId: string,
    importId: string,
    items: readonly {
      position: number;
      path: string;
      outcome?: ImportItemOutcome;
      message?: string;
    }[],
  ): Promise<void> {
    return this.run(tenantId, async (m) => {
      for (let i = 0; i < items.length; i += 500) {
        const chunk = items.slice(i, i + 500);
        await m
          .createQueryBuilder()
          .insert()
          .into(ImportItemEntity)
          .values(
            chunk.map((it) => ({
              tenantId,
              importId,
              position: it.position,
              path: it.path,
              outcome: it.outcome ?? 'pending',
              message: it.message ?? null,
            })),
          )
          .orIgnore()
          .execute();
      }
    });
  }

  items(tenantId: string, importId: string): Promise<ImportItemEntity[]> {
    return this.run(tenantId, (m) =>
      m.find(ImportItemEntity, {
        where: { tenantId, importId },
        order: { position: 'ASC' },
      }),
    );
  }

  /** The item, locked until the transaction ends (one entry is decided once, whoever runs it). */
  lockItem(tenantId: string, importId: string, position: number): Promise<ImportItemEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(ImportItemEntity, {
        where: { tenantId, importId, position },
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }

  decideItem(
    tenantId: string,
    importId: string,
    position: number,
    outcome: Exclude<ImportItemOutcome, 'pending'>,
    contractId: string | null,
    message: string | null,
  ): Promise<void> {
    return this.run(tenantId, async (m) => {
      await m.update(
        ImportItemEntity,
        { tenantId, importId, position },
        { outcome, contractId, message },
      );
    });
  }

  /**
   * Contracts this import created that are still `processing` at their parse version: after a worker died
   * between an item's commit and its parse's enqueue, the run that takes the import over announces them again.
   */
  unparsedContracts(
    tenantId: string,
    importId: string,
  ): Promise<{ tenantId: string; id: string; parseVersion: number }[]> {
    return this.run(tenantId, async (m) => {
      const rows: { id: string; parse_version: number }[] = await m.query(
        `SELECT c.id, c.parse_version
           FROM import_items it
           JOIN contracts c ON c.id = it.contract_id AND c.tenant_id = it.tenant_id
          WHERE it.tenant_id = $1 AND it.import_id = $2 AND it.outcome = 'created'
            AND c.status = 'processing'
          ORDER BY it.position`,
        [tenantId, importId],
      );
      return rows.map((r) => ({ tenantId, id: r.id, parseVersion: r.parse_version }));
    });
  }

  /** Every file with its contract's status, in ZIP order. */
  itemViews(tenantId: string, importId: string): Promise<ImportItemView[]> {
    return this.run(tenantId, async (m) => {
      const rows: {
        position: number;
        path: string;
        outcome: ImportItemOutcome;
        contract_id: string | null;
        message: string | null;
        status: string | null;
      }[] = await m.query(
        `SELECT it.position, it.path, it.outcome, it.contract_id, it.message, c.status
           FROM import_items it
           LEFT JOIN contracts c ON c.id = it.contract_id AND c.tenant_id = it.tenant_id
          WHERE it.tenant_id = $1 AND it.import_id = $2
          ORDER BY it.position`,
        [tenantId, importId],
      );
      return rows.map((r) => ({
        position: r.position,
        path: r.path,
        outcome: r.outcome,
        contractId: r.contract_id,
        message: r.message,
        contractStatus: r.status,
      }));
    });
  }

  /** Counts per import (for lists): decided outcomes, and created contracts still parsing. */
  async counts(
    tenantId: string,
    importIds: string[],
  ): Promise<
    Map<
      string,
      { created: number; duplicates: number; failed: number; pending: number; parsing: number }
    >
  > {
    const result = new Map<
      string,
      { created: number; duplicates: number; failed: number; pending: number; parsing: number }
    >();
    if (importIds.length === 0) return result;
    const rows: {
      import_id: string;
      created: string;
      duplicates: string;
      failed: string;
      pending: string;
      parsing: string;
    }[] = await this.run(tenantId, (m) =>
      m.query(
        `SELECT it.import_id,
                count(*) FILTER (WHERE it.outcome = 'created') AS created,
                count(*) FILTER (WHERE it.outcome = 'duplicate') AS duplicates,
                count(*) FILTER (WHERE it.outcome = 'failed') AS failed,
                count(*) FILTER (WHERE it.outcome = 'pending') AS pending,
                count(*) FILTER (WHERE it.outcome = 'created' AND c.status = 'processing') AS parsing
           FROM import_items it
           LEFT JOIN contracts c ON c.id = it.contract_id AND c.tenant_id = it.tenant_id
          WHERE it.tenant_id = $1 AND it.import_id = ANY($2)
          GROUP BY it.import_id`,
        [tenantId, importIds],
      ),
    );
    for (const r of rows)
      result.set(r.import_id, {
        created: Number(r.created),
        duplicates: Number(r.duplicates),
        failed: Number(r.failed),
        pending: Number(r.pending),
        parsing: Number(r.parsing),
      });
    return result;
  }
}
