import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox of finished parses: one row per contract and parse version, written in the same transaction as
 * the contract's final status. Webhooks, alerts and the web UI's live status all read it; published_at records
 * that the consumers were handed the event (a sweep hands over the rows a crash left unpublished).
 */
export class ContractEvents1764400000000 implements MigrationInterface {
  name = 'ContractEvents1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE contract_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      contract_id uuid NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
      parse_version integer NOT NULL,
      type text NOT NULL CHECK (type IN ('contract.parsed','contract.failed')),
      status text NOT NULL CHECK (status IN ('parsed','needs_review','failed')),
      data jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      CONSTRAINT contract_events_once UNIQUE (tenant_id, contract_id, parse_version)
    )`);
    // The live status replays a tenant's events after the last one a client saw.
    await q.query(`CREATE INDEX contract_events_tenant_idx ON contract_events (tenant_id, id)`);
    await q.query(
      `CREATE INDEX contract_events_unpublished_idx ON contract_events (created_at) WHERE published_at IS NULL`,
    );
    const current = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
    await q.query(`ALTER TABLE contract_events ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON contract_events USING (tenant_id = ${current}) WITH CHECK (tenant_id = ${current})`,
    );
    await q.query(`GRANT USAGE, SELECT ON SEQUENCE contract_events_id_seq TO contract_bank_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS contract_events`);
  }
}
