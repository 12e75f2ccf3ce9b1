import { UserEntity } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export interface UserCredentials {
  id: string;
  tenantId: string;
  passwordHash: string;
}

export class UsersRepository extends TenantScopedRepository<UserEntity> {
  constructor(db: TenantDb) {
    super(db, UserEntity);
  }

  /** Before a tenant is known: a security-definer function returns only what login needs. */
  async credentialsByEmail(email: string): Promise<UserCredentials | null> {
    const rows: { id: string; tenant_id: string; password_hash: string }[] =
      await this.db.dataSource.query(
        'SELECT id, tenant_id, password_hash FROM auth_user_by_email($1)',
        [email],
      );
    const row = rows[0];
    return row ? { id: row.id, tenantId: row.tenant_id, passwordHash: row.password_hash } : null;
  }
}
