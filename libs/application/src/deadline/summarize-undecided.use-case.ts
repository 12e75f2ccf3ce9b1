import { addDays, type IsoDate } from '@cb/domain';
import type { DecisionsRepository, UndecidedCounts } from '@cb/persistence';
import type { TenantCalendar } from '../calendar/tenant-calendar.service';

/** The dashboard's count looks this many days ahead by default. */
export const UNDECIDED_WINDOW_DAYS = 90;

export interface UndecidedSummary extends UndecidedCounts {
  today: IsoDate;
  /** The last day the upcoming count covers (today + days). */
  until: IsoDate;
}

/** How many notice deadlines wait for a decision: passed ones, and those due in the next `days` days. */
export class SummarizeUndecided {
  constructor(
    private readonly decisions: DecisionsRepository,
    private readonly calendar: TenantCalendar,
  ) {}

  async execute(
    q: { tenantId: string; days?: number },
    now = new Date(),
  ): Promise<UndecidedSummary> {
    const today = await this.calendar.today(q.tenantId, now);
    const until = addDays(today, q.days ?? UNDECIDED_WINDOW_DAYS);
    return { today, until, ...(await this.decisions.undecidedCounts(q.tenantId, today, until)) };
  }
}
