import { TenantEntity } from '../entities';
import type { TenantDb } from '../tenant-db';

/** The tenants table is scoped by its own id (RLS: id = current tenant). */
export class TenantsRepository {
  constructor(private readonly db: TenantDb) {}

  create(tenantId: string, name: string): Promise<TenantEntity> {
    return this.db.run(tenantId, (m) =>
      m.save(TenantEntity, m.create(TenantEntity, { id: tenantId, name })),
    );
  }

  async setRequireMfa(tenantId: string, requireMfa: boolean): Promise<void> {
    await this.db.run(tenantId, (m) => m.update(TenantEntity, { id: tenantId }, { requireMfa }));
  }

  get(tenantId: string): Promise<TenantEntity | null> {
    return this.db.run(tenantId, (m) => m.findOne(TenantEntity, { where: { id: tenantId } }));
  }

  /**
   * The tenant with the time zone it stored in its alert settings (null when it never saved any), in one
   * statement: what /v1/me answers with.
   */
  async withTimeZone(
    tenantId: string,
  ): Promise<{ id: string; name: string; requireMfa: boolean; timezone: string | null } | null> {
    const rows: { id: string; name: string; require_mfa: boolean; timezone: string | null }[] =
      await this.db.run(tenantId, (m) =>
        m.query(
          `SELECT t.id, t.name, t.require_mfa, s.timezone
             FROM tenants t LEFT JOIN alert_settings s ON s.tenant_id = t.id
            WHERE t.id = $1`,
          [tenantId],
        ),
      );
    const row = rows[0];
    return row
      ? { id: row.id, name: row.name, requireMfa: row.require_mfa, timezone: row.timezone }
      : null;
  }
}
