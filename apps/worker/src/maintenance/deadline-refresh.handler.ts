import { Inject, Injectable, Logger } from '@nestjs/common';
import { ContractTermsStore, ContractsRepository, SystemDb, TenantDb } from '@cb/persistence';

const PAGE = 500;

/**
 * Stored deadlines are computed for "today"; once one has passed, an evergreen contract has a new
 * current term (and a recurring obligation a next occurrence). This job finds contracts with a passed
 * notice, renewal or obligation date, a page at a time, and recomputes them in their tenant's scope.
 */
@Injectable()
export class DeadlineRefreshHandler {
  private readonly logger = new Logger(DeadlineRefreshHandler.name);

  constructor(
    @Inject(SystemDb) private readonly system: SystemDb,
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(ContractsRepository) private readonly contracts: ContractsRepository,
    @Inject(ContractTermsStore) private readonly termsStore: ContractTermsStore,
  ) {}

  async refresh(now = new Date()): Promise<{ refreshed: number }> {
    let refreshed = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; tenant_id: string }[] = await this.system.dataSource.query(
        `SELECT c.id, c.tenant_id FROM contracts c
          WHERE c.id > $1 AND c.status IN ('parsed', 'needs_review')
            AND EXISTS (SELECT 1 FROM deadlines d WHERE d.contract_id = c.id
                          AND d.kind IN ('notice', 'renewal', 'obligation') AND d.date < $2::date)
          ORDER BY c.id LIMIT $3`,
        [after, now.toISOString().slice(0, 10), PAGE],
      );
      for (const row of rows) {
        await this.db.run(row.tenant_id, async () => {
          const contract = await this.contracts.lockForUpdate(row.tenant_id, row.id);
          if (contract) await this.termsStore.recompute(row.tenant_id, contract, {}, {}, now);
        });
        refreshed++;
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
    if (refreshed) this.logger.log({ refreshed }, 'Rolled passed deadlines forward');
    return { refreshed };
  }
}
