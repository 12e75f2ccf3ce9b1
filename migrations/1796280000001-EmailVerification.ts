import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail verification of new sign-ups (issue 15, item 5): `users.email_verified_at` and single-use
 * verification tokens (only their SHA-256 is stored, like password resets). Users that exist already count as
 * verified: they were created before the check existed, and invited and SSO users proved their address anyway.
 */
export class EmailVerification1796280000001 implements MigrationInterface {
  name = 'EmailVerification1796280000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email_verified_at timestamptz`);
    await q.query(`UPDATE users SET email_verified_at = created_at`);
    await q.query(`CREATE TABLE email_verifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE INDEX email_verifications_user_idx ON email_verifications (tenant_id, user_id)`,
    );
    const current = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
    await q.query(`ALTER TABLE email_verifications ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON email_verifications USING (tenant_id = ${current}) WITH CHECK (tenant_id = ${current})`,
    );
    await q.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON email_verifications TO contract_bank_app`,
    );
    // Before a tenant is known (the verification link): the tenant that issued the token, if any.
    await q.query(`CREATE FUNCTION auth_email_verification_tenant(p_token_hash text)
      RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT tenant_id FROM email_verifications WHERE token_hash = p_token_hash
      $$`);
    await q.query(
      `GRANT EXECUTE ON FUNCTION auth_email_verification_tenant(text) TO contract_bank_app`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS auth_email_verification_tenant(text)`);
    await q.query(`DROP TABLE IF EXISTS email_verifications`);
    await q.query(`ALTER TABLE users DROP COLUMN email_verified_at`);
  }
}
