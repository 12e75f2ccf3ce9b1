import { ValidationError, addDays, isValidIsoDate, type DeadlineKind } from '@cb/domain';
import type { DeadlineView, DeadlinesRepository, DecisionsRepository } from '@cb/persistence';
import type { TenantCalendar } from '../calendar/tenant-calendar.service';

/** Without `to`, the list covers this many days from `from`. */
export const DEFAULT_DEADLINE_SPAN_DAYS = 365;

export interface ListDeadlinesQuery {
  tenantId: string;
  /** Default: the tenant's today. */
  from?: string;
  to?: string;
  kind?: DeadlineKind;
  /** Only notice deadlines that passed without a decision (contracts not ending); from/to/kind do not apply. */
  undecided?: boolean;
}

/** The tenant's deadlines from..to (inclusive), sorted by date. */
export class ListDeadlines {
  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly decisions: DecisionsRepository,
    private readonly calendar: TenantCalendar,
  ) {}

  async execute(q: ListDeadlinesQuery, now = new Date()): Promise<DeadlineView[]> {
    if (q.undecided) {
      const today = await this.calendar.today(q.tenantId, now);
      const rows = await this.decisions.undecidedPassed(q.tenantId, today);
      return rows.map((r) => ({ ...r, kind: 'notice' as const, obligationId: null }));
    }
    const from = q.from ?? (await this.calendar.today(q.tenantId, now));
    const to = q.to ?? addDays(from, DEFAULT_DEADLINE_SPAN_DAYS);
    if (!isValidIsoDate(from) || !isValidIsoDate(to) || to < from) {
      throw new ValidationError('from and to must be valid dates with from <= to', [
        { field: 'to', message: 'must be on or after from' },
      ]);
    }
    return this.deadlines.listBetween(q.tenantId, from, to, q.kind);
  }
}
