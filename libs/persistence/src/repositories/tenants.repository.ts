import { TenantEntity } from '../entities';
import { findOne } from '../raw-rows';
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
    return this.db.run(tenantId, (m) => findOne(m, TenantEntity, { id: tenantId }));
  }
}
