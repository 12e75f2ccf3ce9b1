import { tenantToday, type IsoDate } from '@cb/domain';
import type { AlertSettingsRepository } from '@cb/persistence';

/**
 * "Today" for one tenant, read from its stored time zone: every use case that needs the tenant's day asks
 * here, and the rule itself is the domain's tenantToday.
 */
export class TenantCalendar {
  constructor(private readonly settings: AlertSettingsRepository) {}

  async today(tenantId: string, now: Date = new Date()): Promise<IsoDate> {
    return tenantToday(await this.settings.timeZone(tenantId), now);
  }
}
