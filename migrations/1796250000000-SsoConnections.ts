import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on (issue 15, item 4): one OpenID Connect connection per tenant (issuer, client id, the client
 * secret encrypted at rest, the e-mail domains it signs in, whether password sign-in is refused for them).
 */
export class SsoConnections1796250000000 implements MigrationInterface {
  name = 'SsoConnections1796250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sso_connections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL UNIQUE REFERENCES tenants(id) ON DELETE CASCADE,
      issuer_url text NOT NULL,
      client_id text NOT NULL,
      client_secret_sealed text NOT NULL,
      domains text[] NOT NULL,
      required boolean NOT NULL DEFAULT false,
      -- The last sign-in through this connection: requiring SSO needs one, so a broken setup cannot lock out.
      last_sign_in_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // One tenant per e-mail domain, across tenants: a domain leads to exactly one identity provider.
    await q.query(`CREATE TABLE sso_domains (
      domain text PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX sso_domains_tenant_idx ON sso_domains (tenant_id)`);
    const current = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of ['sso_connections', 'sso_domains']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${current}) WITH CHECK (tenant_id = ${current})`,
      );
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO contract_bank_app`);
    }
    // Before a tenant is known (SSO start, password sign-in): which tenant claims the domain, and whether it
    // requires SSO. Only these two values leave the function.
    await q.query(`CREATE FUNCTION auth_sso_domain(p_domain text)
      RETURNS TABLE (tenant_id uuid, required boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT d.tenant_id, c.required FROM sso_domains d
          JOIN sso_connections c ON c.tenant_id = d.tenant_id
         WHERE d.domain = p_domain
      $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_sso_domain(text) TO contract_bank_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS auth_sso_domain(text)`);
    await q.query(`DROP TABLE IF EXISTS sso_domains`);
    await q.query(`DROP TABLE IF EXISTS sso_connections`);
  }
}
