import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertTenantId(tenantId: string): void {
  if (typeof tenantId !== 'string' || !UUID.test(tenantId)) {
    throw new Error('A tenant-scoped operation was called without a valid tenantId');
  }
}

interface TenantScope {
  tenantId: string;
  manager: EntityManager;
}

/**
 * The only way application code reaches tenant data. Each scope is one transaction in which
 * `app.tenant_id` is set, so PostgreSQL row-level security hides every other tenant's rows even
 * from a query that forgot its tenant filter. Nested calls for the same tenant join the open
 * transaction (AsyncLocalStorage); a nested call for another tenant is a bug and throws.
 */
export class TenantDb {
  private readonly scope = new AsyncLocalStorage<TenantScope>();

  constructor(readonly dataSource: DataSource) {}

  async run<T>(tenantId: string, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    assertTenantId(tenantId);
    const open = this.scope.getStore();
    if (open) {
      if (open.tenantId !== tenantId) throw new Error('Nested tenant scope for a different tenant');
      return fn(open.manager);
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return this.scope.run({ tenantId, manager }, () => fn(manager));
    });
  }

  /** Readiness: the database answers (no tenant data is read). */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  /** The tenant of the enclosing scope, if any (for logs and assertions). */
  currentTenant(): string | undefined {
    return this.scope.getStore()?.tenantId;
  }
}

/**
 * The owner connection, which row-level security does not restrict. Only for cross-tenant
 * maintenance (finding stuck documents, scanning for due alerts) and never for request handling.
 */
export class SystemDb {
  constructor(readonly dataSource: DataSource) {}
}
