import { DEFAULT_ALERT_LANGUAGE, isAlertLanguage, type AlertLanguage } from '@cb/domain';
import { AlertSettingsEntity } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export interface StoredAlertSettings {
  leadDays: number[];
  recipients: string[];
  timezone: string;
  /** The language of alert and digest e-mails. */
  language: AlertLanguage;
}

const timeZoneKey = (tenantId: string): string => `alert-settings.timezone:${tenantId}`;

/**
 * Keeps a tenant's stored time zone (null: none saved), read with another statement of a read request, for the
 * rest of that request: `AlertSettingsRepository.timeZone` then answers without a statement of its own.
 */
export function rememberTimeZone(db: TenantDb, tenantId: string, timeZone: string | null): void {
  db.requestValues()?.set(timeZoneKey(tenantId), timeZone);
}

export class AlertSettingsRepository extends TenantScopedRepository<AlertSettingsEntity> {
  constructor(db: TenantDb) {
    super(db, AlertSettingsEntity);
  }

  /** The tenant's stored settings, or `null` when it never saved any (the caller applies the defaults). */
  async get(tenantId: string): Promise<StoredAlertSettings | null> {
    const row = await this.findOne(tenantId, {});
    return row
      ? {
          leadDays: row.leadDays,
          recipients: row.recipients,
          timezone: row.timezone,
          language: row.language,
        }
      : null;
  }

  /** The tenant's stored time zone, or null when it never saved settings (domain tenantTimeZone decides). */
  async timeZone(tenantId: string): Promise<string | null> {
    const remembered = this.db.requestValues();
    const key = timeZoneKey(tenantId);
    if (remembered?.has(key)) return remembered.get(key) as string | null;
    const row = await this.run(tenantId, (m) =>
      m.findOne(AlertSettingsEntity, {
        where: this.scoped(tenantId, {}),
        select: { tenantId: true, timezone: true },
      }),
    );
    const timeZone = row?.timezone ?? null;
    rememberTimeZone(this.db, tenantId, timeZone);
    return timeZone;
  }

  async save(tenantId: string, settings: StoredAlertSettings): Promise<void> {
    await this.run(tenantId, (m) =>
      m.query(
        `INSERT INTO alert_settings (tenant_id, lead_days, recipients, timezone, language, updated_at)
         VALUES ($1, $2::int[], $3::text[], $4, $5, now())
         ON CONFLICT (tenant_id) DO UPDATE
           SET lead_days = EXCLUDED.lead_days, recipients = EXCLUDED.recipients,
               timezone = EXCLUDED.timezone, language = EXCLUDED.language, updated_at = now()`,
        [tenantId, settings.leadDays, settings.recipients, settings.timezone, settings.language],
      ),
    );
  }

  /** The default recipients: e-mail addresses of the tenant's owners and admins, oldest account first. */
  async ownerAndAdminEmails(tenantId: string): Promise<string[]> {
    return this.run(tenantId, async (m) => {
      const rows: { email: string }[] = await m.query(
        `SELECT email FROM users WHERE tenant_id = $1 AND role IN ('owner', 'admin') ORDER BY created_at, id`,
        [tenantId],
      );
      return rows.map((r) => r.email);
    });
  }

  /**
   * What the per-tenant alert job needs, in one statement: the stored settings (null fields when none), the
   * default recipients (owners and admins, oldest account first) and the addresses of the users who have not
   * confirmed them yet (alerts skip those).
   */
  async forAlerts(tenantId: string): Promise<{
    stored: StoredAlertSettings | null;
    ownerAndAdminEmails: string[];
    unverifiedUserEmails: string[];
  }> {
    return this.run(tenantId, async (m) => {
      const [row]: {
        lead_days: number[] | null;
        recipients: string[] | null;
        timezone: string | null;
        language: string | null;
        defaults: string[] | null;
        unverified: string[] | null;
      }[] = await m.query(
        `SELECT s.lead_days, s.recipients, s.timezone, s.language,
                  (SELECT array_agg(u.email ORDER BY u.created_at, u.id) FROM users u
                    WHERE u.tenant_id = $1 AND u.role IN ('owner', 'admin')) AS defaults,
                  (SELECT array_agg(u.email) FROM users u
                    WHERE u.tenant_id = $1 AND u.email_verified_at IS NULL) AS unverified
             FROM (SELECT 1) AS one LEFT JOIN alert_settings s ON s.tenant_id = $1`,
        [tenantId],
      );
      return {
        stored:
          row?.lead_days && row.recipients && row.timezone
            ? {
                leadDays: row.lead_days,
                recipients: row.recipients,
                timezone: row.timezone,
                language: isAlertLanguage(row.language) ? row.language : DEFAULT_ALERT_LANGUAGE,
              }
            : null,
        ownerAndAdminEmails: row?.defaults ?? [],
        unverifiedUserEmails: row?.unverified ?? [],
      };
    });
  }
}
