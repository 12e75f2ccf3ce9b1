import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail-in: each tenant's secret address. Like the calendar feed, the address token is derived from the row
 * id with the server secret and only its SHA-256 is stored; rotating revokes the row (a new row, a new
 * address). The SMTP server knows only the token: inbox_tenant() finds the tenant of a live one.
 */
export class Inboxes1796192474341 implements MigrationInterface {
  name = 'Inboxes1796192474341';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE inboxes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )`);
    await q.query(
      `CREATE UNIQUE INDEX inboxes_live_idx ON inboxes (tenant_id) WHERE revoked_at IS NULL`,
    );
    const current = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
    await q.query(`ALTER TABLE inboxes ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON inboxes USING (tenant_id = ${current}) WITH CHECK (tenant_id = ${current})`,
    );
    await q.query(`CREATE FUNCTION inbox_tenant(p_token_hash text)
      RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT tenant_id FROM inboxes WHERE token_hash = p_token_hash AND revoked_at IS NULL
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION inbox_tenant(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION inbox_tenant(text) TO contract_bank_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS inbox_tenant(text)`);
    await q.query(`DROP TABLE IF EXISTS inboxes`);
  }
}
