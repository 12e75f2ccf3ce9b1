import { ValidationError, addDays, isValidIsoDate, type DeadlineKind } from '@cb/domain';
import type {
  DeadlineView,
  DeadlinesRepository,
  DecisionsRepository,
  WorklistDeadline,
} from '@cb/persistence';
import type { TenantCalendar } from '../calendar/tenant-calendar.service';

/** Without `to`, the list covers this many days from `from`. */
export const DEFAULT_DEADLINE_SPAN_DAYS = 365;

export interface ListDeadlinesQuery {
  tenantId: string;
  /** Default: the tenant's today (undecided: no lower bound). */
  from?: string;
  /** Default: from + 365 days (undecided: yesterday, so only the passed ones). */
  to?: string;
  kind?: DeadlineKind;
  /** Only notice deadlines without a decision (contracts not ending); kind does not apply. */
  undecided?: boolean;
  /** With undecided: false leaves out the deadlines snoozed beyond today. */
  snoozed?: boolean;
}

/** A deadline in the list; undecided notice deadlines carry what the worklist shows. */
export type ListedDeadline = DeadlineView &
  Partial<Omit<WorklistDeadline, 'contractId' | 'contractTitle' | 'date'>>;

/** The tenant's deadlines from..to (inclusive), sorted by date. */
export class ListDeadlines {
  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly decisions: DecisionsRepository,
    private readonly calendar: TenantCalendar,
  ) {}

  async execute(q: ListDeadlinesQuery, now = new Date()): Promise<ListedDeadline[]> {
    if (q.undecided) {
      const today = await this.calendar.today(q.tenantId, now);
      // The spec's list is the passed ones; a `to` reaches into the future (the dashboard's worklist).
      const to = q.to ?? addDays(today, -1);
      const from = q.from ?? null;
      assertRange(from ?? to, to);
      const rows = await this.decisions.undecidedBetween(q.tenantId, {
        from,
        to,
        hideSnoozedOn: q.snoozed === false ? today : null,
      });
      return rows.map((r) => ({ ...r, kind: 'notice' as const, obligationId: null }));
    }
    const from = q.from ?? (await this.calendar.today(q.tenantId, now));
    const to = q.to ?? addDays(from, DEFAULT_DEADLINE_SPAN_DAYS);
    assertRange(from, to);
    return this.deadlines.listBetween(q.tenantId, from, to, q.kind);
  }
}

function assertRange(from: string, to: string): void {
  if (!isValidIsoDate(from) || !isValidIsoDate(to) || to < from) {
    throw new ValidationError('from and to must be valid dates with from <= to', [
      { field: 'to', message: 'must be on or after from' },
    ]);
  }
}
