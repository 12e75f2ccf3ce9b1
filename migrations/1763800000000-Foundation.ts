import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables that hold a tenant's data: each gets tenant_id NOT NULL, a FK, and a row-level security policy. */
export const TENANT_TABLES = [
  'users',
  'refresh_tokens',
  'subscriptions',
  'contracts',
  'obligations',
  'deadlines',
  'idempotency_keys',
] as const;

export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    // The application role: no superuser, no BYPASSRLS, not the table owner, so RLS applies to it.
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'contract_bank_app') THEN
        CREATE ROLE contract_bank_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF; END $$`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`CREATE TABLE tenants (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      email text NOT NULL,
      name text NOT NULL,
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('owner','admin','member','viewer')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // One account per e-mail across the product: login needs no tenant name.
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(`CREATE INDEX users_tenant_idx ON users (tenant_id)`);

    await q.query(`CREATE TABLE refresh_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      family_id uuid NOT NULL,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      revoked_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (tenant_id, family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (tenant_id, user_id)`);

    await q.query(`CREATE TABLE subscriptions (
      tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
      plan text NOT NULL,
      status text NOT NULL,
      trial_ends_at timestamptz,
      current_period_end timestamptz,
      canceled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE contracts (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      title text,
      status text NOT NULL CHECK (status IN ('processing','parsed','needs_review','failed')),
      error_code text,
      error_message text,
      counterparty text,
      tags text[] NOT NULL DEFAULT '{}',
      file_name text NOT NULL,
      file_size bigint NOT NULL,
      file_sha256 text NOT NULL,
      media_type text NOT NULL,
      storage_key text NOT NULL,
      pages integer,
      ocr_pages integer[] NOT NULL DEFAULT '{}',
      text text,
      page_starts integer[],
      extracted_terms jsonb,
      user_terms jsonb NOT NULL DEFAULT '{}',
      terms jsonb,
      evidence jsonb NOT NULL DEFAULT '{}',
      confidence jsonb NOT NULL DEFAULT '{}',
      notice_deadline date,
      next_renewal_date date,
      expiration_date date,
      parse_version integer NOT NULL DEFAULT 1,
      parse_attempts integer NOT NULL DEFAULT 0,
      search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(counterparty, '')), 'A') ||
        setweight(to_tsvector('english', left(coalesce(text, ''), 900000)), 'B')
      ) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX contracts_tenant_created_idx ON contracts (tenant_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX contracts_tenant_status_idx ON contracts (tenant_id, status)`);
    await q.query(`CREATE INDEX contracts_search_idx ON contracts USING gin (search)`);
    await q.query(`CREATE INDEX contracts_tags_idx ON contracts USING gin (tags)`);
    await q.query(`CREATE INDEX contracts_processing_idx ON contracts (updated_at) WHERE status = 'processing'`);

    await q.query(`CREATE TABLE obligations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      contract_id uuid NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
      position integer NOT NULL,
      party text,
      kind text NOT NULL,
      text text NOT NULL,
      due_date date,
      recurrence text,
      status text NOT NULL DEFAULT 'open',
      evidence jsonb NOT NULL DEFAULT '[]'
    )`);
    await q.query(`CREATE INDEX obligations_contract_idx ON obligations (tenant_id, contract_id, position)`);

    // One row per computed deadline, so "everything due in the next N days" is one indexed range scan.
    await q.query(`CREATE TABLE deadlines (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      contract_id uuid NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('notice','renewal','expiration','obligation')),
      date date NOT NULL,
      obligation_id uuid REFERENCES obligations(id) ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX deadlines_date_idx ON deadlines (date, tenant_id)`);
    await q.query(`CREATE INDEX deadlines_tenant_date_idx ON deadlines (tenant_id, date)`);
    await q.query(`CREATE INDEX deadlines_contract_idx ON deadlines (tenant_id, contract_id)`);

    await q.query(`CREATE TABLE idempotency_keys (
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      key text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      request_hash text NOT NULL,
      status_code integer,
      response_body jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, key)
    )`);
    await q.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);

    // Row-level security: the second wall. The tenant is set per transaction with
    // set_config('app.tenant_id', ..., true); without it, a query sees nothing.
    const current = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
    await q.query(`ALTER TABLE tenants ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON tenants USING (id = ${current}) WITH CHECK (id = ${current})`);
    for (const table of TENANT_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${current}) WITH CHECK (tenant_id = ${current})`,
      );
    }

    // Look-ups that must happen before a tenant is known (login, refresh). They run as the owner
    // and return only what authentication needs.
    await q.query(`CREATE FUNCTION auth_user_by_email(p_email text)
      RETURNS TABLE (id uuid, tenant_id uuid, password_hash text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT id, tenant_id, password_hash FROM users WHERE lower(email) = lower(p_email)
      $$`);
    await q.query(`CREATE FUNCTION auth_refresh_token_tenant(p_token_hash text)
      RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT tenant_id FROM refresh_tokens WHERE token_hash = p_token_hash
      $$`);

    await q.query(`GRANT USAGE ON SCHEMA public TO contract_bank_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO contract_bank_app`);
    await q.query(`REVOKE ALL ON TABLE migrations FROM contract_bank_app`);
    // Tables that later migrations create are granted too.
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO contract_bank_app`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_user_by_email(text), auth_refresh_token_tenant(text) TO contract_bank_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS auth_refresh_token_tenant(text)`);
    await q.query(`DROP FUNCTION IF EXISTS auth_user_by_email(text)`);
    for (const table of ['idempotency_keys', 'deadlines', 'obligations', 'contracts', 'subscriptions', 'refresh_tokens', 'users', 'tenants']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
