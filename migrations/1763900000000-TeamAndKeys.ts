import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Team (invitations), partner API keys and the audit trail; each table is tenant-scoped with RLS. */
export const TEAM_AND_KEYS_TABLES = ['api_keys', 'invitations', 'audit_events'] as const;

export class TeamAndKeys1763900000000 implements MigrationInterface {
  name = 'TeamAndKeys1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE api_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      name text NOT NULL,
      prefix text NOT NULL,
      key_hash text NOT NULL UNIQUE,
      scopes text[] NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`);
    await q.query(`CREATE INDEX api_keys_tenant_created_idx ON api_keys (tenant_id, created_at DESC, id DESC)`);

    await q.query(`CREATE TABLE invitations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      email text NOT NULL,
      role text NOT NULL CHECK (role IN ('owner','admin','member','viewer')),
      token_hash text NOT NULL UNIQUE,
      invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX invitations_tenant_email_idx ON invitations (tenant_id, lower(email))`);

    // Append-only: the application role may insert and read, never change or delete (see REVOKE below).
    await q.query(`CREATE TABLE audit_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      actor_type text NOT NULL CHECK (actor_type IN ('user','apiKey','operator','system')),
      actor_id text,
      action text NOT NULL,
      target_type text,
      target_id text,
      contract_id uuid,
      data jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )`);
    await q.query(`CREATE INDEX audit_events_tenant_created_idx ON audit_events (tenant_id, created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX audit_events_tenant_contract_idx ON audit_events (tenant_id, contract_id, created_at DESC, id DESC) WHERE contract_id IS NOT NULL`,
    );

    const current = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of TEAM_AND_KEYS_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${current}) WITH CHECK (tenant_id = ${current})`,
      );
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON api_keys, invitations TO contract_bank_app`);
    await q.query(`GRANT SELECT, INSERT ON audit_events TO contract_bank_app`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM contract_bank_app`);

    // Before a tenant is known: resolve an API key (bearer auth) or an invitation token (accept) by hash.
    await q.query(`CREATE FUNCTION auth_api_key_by_hash(p_key_hash text)
      RETURNS TABLE (id uuid, tenant_id uuid, scopes text[], created_by uuid, revoked_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT id, tenant_id, scopes, created_by, revoked_at FROM api_keys WHERE key_hash = p_key_hash
      $$`);
    await q.query(`CREATE FUNCTION auth_invitation_tenant(p_token_hash text)
      RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT tenant_id FROM invitations WHERE token_hash = p_token_hash
      $$`);
    await q.query(
      `GRANT EXECUTE ON FUNCTION auth_api_key_by_hash(text), auth_invitation_tenant(text) TO contract_bank_app`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS auth_invitation_tenant(text)`);
    await q.query(`DROP FUNCTION IF EXISTS auth_api_key_by_hash(text)`);
    for (const table of ['audit_events', 'invitations', 'api_keys']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
