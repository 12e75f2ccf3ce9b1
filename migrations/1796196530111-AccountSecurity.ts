import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account security (issue 10, items 6-9): an absolute lifetime for refresh-token families, TOTP multi-factor
 * authentication (per user, and a tenant-wide requirement), single-use password-reset tokens (stored hashed) and
 * API-key expiry.
 */
export class AccountSecurity1796196530111 implements MigrationInterface {
  name = 'AccountSecurity1796196530111';

  async up(q: QueryRunner): Promise<void> {
    // When the family (the session) began: a refresh family ends 90 days after it, however often it rotated.
    await q.query(
      `ALTER TABLE refresh_tokens ADD COLUMN family_started_at timestamptz NOT NULL DEFAULT now()`,
    );

    await q.query(`ALTER TABLE users
      ADD COLUMN mfa_secret text,
      ADD COLUMN mfa_pending_secret text,
      ADD COLUMN mfa_enabled_at timestamptz,
      ADD COLUMN mfa_last_step bigint,
      ADD COLUMN mfa_recovery_codes text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE tenants ADD COLUMN require_mfa boolean NOT NULL DEFAULT false`);

    await q.query(`ALTER TABLE api_keys ADD COLUMN expires_at timestamptz`);
    await q.query(`DROP FUNCTION auth_api_key_by_hash(text)`);
    await q.query(`CREATE FUNCTION auth_api_key_by_hash(p_key_hash text)
      RETURNS TABLE (id uuid, tenant_id uuid, scopes text[], created_by uuid, revoked_at timestamptz, expires_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT id, tenant_id, scopes, created_by, revoked_at, expires_at FROM api_keys WHERE key_hash = p_key_hash
      $$`);

    await q.query(`CREATE TABLE password_resets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX password_resets_user_idx ON password_resets (tenant_id, user_id)`);
    const current = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
    await q.query(`ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON password_resets USING (tenant_id = ${current}) WITH CHECK (tenant_id = ${current})`,
    );
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON password_resets TO contract_bank_app`);
    // Before a tenant is known (the reset link): the tenant that issued the token, if any.
    await q.query(`CREATE FUNCTION auth_password_reset_tenant(p_token_hash text)
      RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT tenant_id FROM password_resets WHERE token_hash = p_token_hash
      $$`);
    await q.query(
      `GRANT EXECUTE ON FUNCTION auth_api_key_by_hash(text), auth_password_reset_tenant(text) TO contract_bank_app`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS auth_password_reset_tenant(text)`);
    await q.query(`DROP TABLE IF EXISTS password_resets`);
    await q.query(`DROP FUNCTION auth_api_key_by_hash(text)`);
    await q.query(`CREATE FUNCTION auth_api_key_by_hash(p_key_hash text)
      RETURNS TABLE (id uuid, tenant_id uuid, scopes text[], created_by uuid, revoked_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT id, tenant_id, scopes, created_by, revoked_at FROM api_keys WHERE key_hash = p_key_hash
      $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_api_key_by_hash(text) TO contract_bank_app`);
    await q.query(`ALTER TABLE api_keys DROP COLUMN expires_at`);
    await q.query(`ALTER TABLE tenants DROP COLUMN require_mfa`);
    await q.query(`ALTER TABLE users
      DROP COLUMN mfa_secret, DROP COLUMN mfa_pending_secret, DROP COLUMN mfa_enabled_at,
      DROP COLUMN mfa_last_step, DROP COLUMN mfa_recovery_codes`);
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN family_started_at`);
  }
}
