import { Logger } from '@nestjs/common';
import { latestToday, tenantToday } from '@cb/domain';
import type {
  ContractsRepository,
  ContractsWithPassedDeadlinesQuery,
  TenantDb,
} from '@cb/persistence';
import type { RecomputeDeadlines } from './recompute-deadlines.use-case';

const PAGE = 500;

/**
 * Stored deadlines are computed for "today"; once one has passed in the tenant's time zone, an evergreen
 * contract has a new current term (and a recurring obligation a next occurrence). This finds contracts with a
 * passed notice, renewal or obligation date, a page at a time, and recomputes them in their tenant's scope.
 */
export class RefreshPassedDeadlines {
  private readonly logger = new Logger(RefreshPassedDeadlines.name);

  constructor(
    private readonly passed: ContractsWithPassedDeadlinesQuery,
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly recompute: RecomputeDeadlines,
  ) {}

  async execute(now = new Date()): Promise<{ refreshed: number }> {
    let refreshed = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      // Candidates: a deadline before the latest "today" on Earth; each is then judged in its tenant's zone.
      const rows = await this.passed.page(after, latestToday(now), PAGE);
      for (const row of rows) {
        if (row.earliest >= tenantToday(row.timezone, now)) continue;
        await this.db.run(row.tenantId, async () => {
          const contract = await this.contracts.lockForUpdate(row.tenantId, row.contractId);
          if (contract) await this.recompute.execute(row.tenantId, contract, {}, {}, now);
        });
        refreshed++;
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.contractId;
    }
    if (refreshed) this.logger.log({ refreshed }, 'Rolled passed deadlines forward');
    return { refreshed };
  }
}
