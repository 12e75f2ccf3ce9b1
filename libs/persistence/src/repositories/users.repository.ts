import { UserEntity } from '../entities';
import { queryNamed } from '../raw-rows';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';
import { rememberTimeZone } from './alert-settings.repository';

export interface UserCredentials {
  id: string;
  tenantId: string;
  passwordHash: string;
}

/** What bearer authentication needs of a user on every request. */
export interface UserAccess {
  id: string;
  tenantId: string;
  role: UserEntity['role'];
  hasMfa: boolean;
  /** The tenant requires a second factor. */
  tenantRequiresMfa: boolean;
}

/** What GET /v1/me answers of the user and their tenant. */
export interface UserProfile {
  user: Pick<UserEntity, 'id' | 'email' | 'name' | 'role'>;
  emailVerified: boolean;
  hasMfa: boolean;
  tenant: { id: string; name: string; requireMfa: boolean };
}

interface ProfileRow {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
  role: UserEntity['role'];
  email_verified: boolean;
  has_mfa: boolean;
  /** Null only without the tenant's row (the bearer check's outer join). */
  tenant_name: string | null;
  require_mfa: boolean;
}

const PROFILE_COLUMNS = `u.id, u.tenant_id, u.email, u.name, u.role,
                u.email_verified_at IS NOT NULL AS email_verified, u.mfa_enabled_at IS NOT NULL AS has_mfa,
                t.name AS tenant_name, coalesce(t.require_mfa, false) AS require_mfa`;

const profileKey = (tenantId: string, userId: string): string =>
  `users.profile:${tenantId}:${userId}`;

function toProfile(row: ProfileRow): UserProfile | null {
  if (row.tenant_name === null) return null;
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role },
    emailVerified: row.email_verified,
    hasMfa: row.has_mfa,
    tenant: { id: row.tenant_id, name: row.tenant_name, requireMfa: row.require_mfa },
  };
}

export class UsersRepository extends TenantScopedRepository<UserEntity> {
  constructor(db: TenantDb) {
    super(db, UserEntity);
  }

  /**
   * The user's role and second-factor state with the tenant's policy: one statement, no entity hydration. It reads
   * the tenant's time zone too, kept for the rest of a read request (its deadlines, "today" of a contract's terms)
   * so that it costs no statement of its own, and what /v1/me shows of the user and the tenant, kept the same way
   * for `profile`.
   */
  access(tenantId: string, userId: string): Promise<UserAccess | null> {
    return this.run(tenantId, async (m) => {
      // Every authenticated request runs it: prepared once per connection (see queryNamed).
      const rows = await queryNamed<ProfileRow & { time_zone: string | null }>(
        m,
        'cb_user_access',
        `SELECT ${PROFILE_COLUMNS}, s.timezone AS time_zone
           FROM users u LEFT JOIN tenants t ON t.id = u.tenant_id
           LEFT JOIN alert_settings s ON s.tenant_id = u.tenant_id
          WHERE u.tenant_id = $1 AND u.id = $2`,
        [tenantId, userId],
      );
      const row = rows[0];
      if (!row) return null;
      rememberTimeZone(this.db, tenantId, row.time_zone);
      this.db.requestValues()?.set(profileKey(tenantId, userId), row);
      return {
        id: row.id,
        tenantId: row.tenant_id,
        role: row.role,
        hasMfa: row.has_mfa,
        tenantRequiresMfa: row.require_mfa,
      };
    });
  }

  /**
   * The user and their tenant as /v1/me shows them: read with the bearer check's user in a read request, else one
   * statement (the tenant joined), no entity hydration.
   */
  profile(tenantId: string, userId: string): Promise<UserProfile | null> {
    const remembered = this.db.requestValues()?.get(profileKey(tenantId, userId));
    if (remembered) return Promise.resolve(toProfile(remembered as ProfileRow));
    return this.run(tenantId, async (m) => {
      const rows: ProfileRow[] = await m.query(
        `SELECT ${PROFILE_COLUMNS}
           FROM users u JOIN tenants t ON t.id = u.tenant_id
          WHERE u.tenant_id = $1 AND u.id = $2`,
        [tenantId, userId],
      );
      return rows[0] ? toProfile(rows[0]) : null;
    });
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

  /**
   * Accepts a TOTP time step once: true when `step` is newer than the last one accepted (and records it), false
   * for a replayed code. Atomic, so two requests with one code cannot both pass.
   */
  consumeTotpStep(tenantId: string, userId: string, step: number): Promise<boolean> {
    return this.run(tenantId, async (m) => {
      // TypeORM answers an UPDATE with [rows, affected].
      const [, affected]: [unknown[], number] = await m.query(
        `UPDATE users SET mfa_last_step = $3
          WHERE tenant_id = $1 AND id = $2 AND (mfa_last_step IS NULL OR mfa_last_step < $3)
          RETURNING id`,
        [tenantId, userId, step],
      );
      return affected === 1;
    });
  }

  /** Uses up a recovery code (by its hash): true once per code, atomically. */
  consumeRecoveryCode(tenantId: string, userId: string, codeHash: string): Promise<boolean> {
    return this.run(tenantId, async (m) => {
      const [, affected]: [unknown[], number] = await m.query(
        `UPDATE users SET mfa_recovery_codes = array_remove(mfa_recovery_codes, $3)
          WHERE tenant_id = $1 AND id = $2 AND $3 = ANY(mfa_recovery_codes)
          RETURNING id`,
        [tenantId, userId, codeHash],
      );
      return affected === 1;
    });
  }
}
