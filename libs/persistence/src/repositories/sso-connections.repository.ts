import { SsoConnectionEntity, SsoDomainEntity } from '../entities/sso-connection.entity';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export interface SsoDomainClaim {
  tenantId: string;
  required: boolean;
}

/** The connection values a tenant saves (the secret already sealed). */
export type SsoConnectionValues = Pick<
  SsoConnectionEntity,
  'issuerUrl' | 'clientId' | 'clientSecretSealed' | 'domains' | 'required'
> &
  Partial<Pick<SsoConnectionEntity, 'lastSignInAt'>>;

/** Thrown when another tenant already claims one of the domains. */
export class SsoDomainTakenError extends Error {}

export class SsoConnectionsRepository extends TenantScopedRepository<SsoConnectionEntity> {
  constructor(db: TenantDb) {
    super(db, SsoConnectionEntity);
  }

  /** Before a tenant is known: the tenant whose connection claims the e-mail domain, and whether it requires SSO. */
  async claimOfDomain(domain: string): Promise<SsoDomainClaim | null> {
    const rows: { tenant_id: string; required: boolean }[] = await this.db.dataSource.query(
      'SELECT tenant_id, required FROM auth_sso_domain($1)',
      [domain],
    );
    const row = rows[0];
    return row ? { tenantId: row.tenant_id, required: row.required } : null;
  }

  /**
   * Creates or replaces the tenant's connection and its domain claims in one transaction. A domain that another
   * tenant claims throws SsoDomainTakenError (the primary key of sso_domains), and nothing is saved.
   */
  save(tenantId: string, values: SsoConnectionValues): Promise<SsoConnectionEntity> {
    return this.run(tenantId, async (m) => {
      await m.delete(SsoDomainEntity, { tenantId });
      try {
        // A violation aborts the transaction; the error rolls all of it back.
        for (const domain of values.domains) await m.insert(SsoDomainEntity, { domain, tenantId });
      } catch (err) {
        if ((err as { code?: string }).code === '23505') throw new SsoDomainTakenError();
        throw err;
      }
      const existing = await m.findOne(SsoConnectionEntity, { where: { tenantId } });
      if (existing) {
        await m.update(SsoConnectionEntity, { tenantId, id: existing.id }, values);
        return m.findOneOrFail(SsoConnectionEntity, { where: { tenantId } });
      }
      return m.save(SsoConnectionEntity, m.create(SsoConnectionEntity, { ...values, tenantId }));
    });
  }

  /** Records a successful sign-in through the tenant's connection. */
  async markSignedIn(tenantId: string): Promise<void> {
    await this.update(tenantId, {}, { lastSignInAt: new Date() });
  }

  /** Removes the connection and its domain claims; false when there was none. */
  remove(tenantId: string): Promise<boolean> {
    return this.run(tenantId, async (m) => {
      await m.delete(SsoDomainEntity, { tenantId });
      const result = await m.delete(SsoConnectionEntity, { tenantId });
      return (result.affected ?? 0) > 0;
    });
  }
}
