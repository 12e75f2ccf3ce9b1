import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenant tables added by this migration: each gets tenant_id NOT NULL, a FK, and the tenant_isolation policy. */
export const ALERT_TENANT_TABLES = [
  'alert_settings',
  'alerts',
  'calendar_feeds',
  'webhook_endpoints',
  'webhook_deliveries',
  'webhook_delivery_attempts',
] as const;

export class Alerts1764000000000 implements MigrationInterface {
  name = 'Alerts1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE alert_settings (
      tenant_id uuid PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
      lead_days integer[] NOT NULL,
      recipients text[] NOT NULL DEFAULT '{}',
      timezone text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    // The alert log. alert_key (domain alertKey()) is unique per tenant: inserting it is the record that
    // an alert exists, so a re-run scan or a second worker cannot create (and send) it twice.
    // contract_id has no FK on purpose: the log outlives a deleted contract (its alerts are marked canceled).
    await q.query(`CREATE TABLE alerts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      alert_key text NOT NULL,
      contract_id uuid NOT NULL,
      obligation_id uuid,
      kind text NOT NULL CHECK (kind IN ('notice','renewal','expiration','obligation')),
      deadline date NOT NULL,
      lead_days integer NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email','webhook')),
      recipient text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed','canceled')),
      error text,
      attempts integer NOT NULL DEFAULT 0,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT alerts_tenant_key_unique UNIQUE (tenant_id, alert_key)
    )`);
    await q.query(`CREATE INDEX alerts_tenant_created_idx ON alerts (tenant_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX alerts_pending_idx ON alerts (tenant_id, created_at) WHERE status = 'pending'`);

    // Weekly digests: one row per (recipient, week) so a digest goes out once.
    await q.query(`CREATE TABLE alert_digests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      recipient text NOT NULL,
      week_start date NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sent','failed')),
      error text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT alert_digests_unique UNIQUE (tenant_id, recipient, week_start)
    )`);

    // Only the token's SHA-256 is stored: a database leak does not reveal feed URLs.
    await q.query(`CREATE TABLE calendar_feeds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )`);
    // At most one live feed per tenant (its URL is derived from the row id, see CalendarService).
    await q.query(`CREATE UNIQUE INDEX calendar_feeds_live_idx ON calendar_feeds (tenant_id) WHERE revoked_at IS NULL`);

    await q.query(`CREATE TABLE webhook_endpoints (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      url text NOT NULL,
      events text[] NOT NULL,
      secret text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX webhook_endpoints_tenant_idx ON webhook_endpoints (tenant_id, created_at)`);

    // One row per event per endpoint (event_key unique), the id doubles as the webhook-id header.
    await q.query(`CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
      event_type text NOT NULL,
      event_key text NOT NULL,
      payload jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','succeeded','failed')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT webhook_deliveries_event_unique UNIQUE (tenant_id, endpoint_id, event_key)
    )`);
    await q.query(`CREATE TABLE webhook_delivery_attempts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
      attempt integer NOT NULL,
      status_code integer,
      error text,
      duration_ms integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX webhook_delivery_attempts_delivery_idx ON webhook_delivery_attempts (tenant_id, delivery_id)`);

    const current = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of [...ALERT_TENANT_TABLES, 'alert_digests']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${current}) WITH CHECK (tenant_id = ${current})`,
      );
    }

    // The public calendar feed knows only its token: find the tenant of a live (not revoked) feed.
    await q.query(`CREATE FUNCTION calendar_feed_tenant(p_token_hash text)
      RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT tenant_id FROM calendar_feeds WHERE token_hash = p_token_hash AND revoked_at IS NULL
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION calendar_feed_tenant(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION calendar_feed_tenant(text) TO contract_bank_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS calendar_feed_tenant(text)`);
    for (const table of [
      'webhook_delivery_attempts',
      'webhook_deliveries',
      'webhook_endpoints',
      'calendar_feeds',
      'alert_digests',
      'alerts',
      'alert_settings',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
