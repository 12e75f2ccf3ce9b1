import { ApiKeyEntity } from '../entities/api-key.entity';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export interface ApiKeyLookup {
  id: string;
  tenantId: string;
  scopes: string[];
  createdBy: string | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
}

export class ApiKeysRepository extends TenantScopedRepository<ApiKeyEntity> {
  constructor(db: TenantDb) {
    super(db, ApiKeyEntity);
  }

  /** Before a tenant is known (bearer auth): a security-definer function finds the key by its hash. */
  async findByHash(keyHash: string): Promise<ApiKeyLookup | null> {
    const rows: {
      id: string;
      tenant_id: string;
      scopes: string[];
      created_by: string | null;
      revoked_at: Date | null;
      expires_at: Date | null;
    }[] = await this.db.dataSource.query(
      'SELECT id, tenant_id, scopes, created_by, revoked_at, expires_at FROM auth_api_key_by_hash($1)',
      [keyHash],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          tenantId: row.tenant_id,
          scopes: row.scopes,
          createdBy: row.created_by,
          revokedAt: row.revoked_at,
          expiresAt: row.expires_at,
        }
      : null;
  }

  /** Records use at most once per `minIntervalSeconds` per key (the WHERE makes concurrent calls cheap no-ops). */
  touch(tenantId: string, id: string, minIntervalSeconds: number): Promise<void> {
    return this.run(tenantId, async (m) => {
      await m.query(
        `UPDATE api_keys SET last_used_at = now()
          WHERE tenant_id = $1 AND id = $2
            AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $3))`,
        [tenantId, id, minIntervalSeconds],
      );
    });
  }
}
