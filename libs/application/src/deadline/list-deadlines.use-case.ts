import { ValidationError, addDays, isValidIsoDate, type DeadlineKind } from '@cb/domain';
import type { DeadlineView, DeadlinesRepository } from '@cb/persistence';
import type { TenantCalendar } from '../calendar/tenant-calendar.service';

/** Without `to`, the list covers this many days from `from`. */
export const DEFAULT_DEADLINE_SPAN_DAYS = 365;

export interface ListDeadlinesQuery {
  tenantId: string;
  /** Default: the tenant's today. */
  from?: string;
  to?: string;
  kind?: DeadlineKind;
}

/** The tenant's deadlines from..to (inclusive), sorted by date. */
export class ListDeadlines {
  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly calendar: TenantCalendar,
  ) {}

  async execute(q: ListDeadlinesQuery, now = new Date()): Promise<DeadlineView[]> {
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
