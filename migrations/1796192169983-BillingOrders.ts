import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ordering a paid plan without a card (the manual provider): an order records what the customer confirmed
 * (plan, billing period, price with VAT, billing contact, VAT id) and stays pending until an operator activates
 * it; activation issues an invoice. With Stripe, the subscription row remembers Stripe's customer and
 * subscription so invoices, cancellation and plan changes reach the right ones.
 */
export class BillingOrders1796192169983 implements MigrationInterface {
  name = 'BillingOrders1796192169983';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE billing_orders (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      plan text NOT NULL,
      billing_interval text NOT NULL CHECK (billing_interval IN ('month','year')),
      status text NOT NULL CHECK (status IN ('pending','activated','withdrawn')),
      company text NOT NULL,
      billing_name text NOT NULL,
      billing_email text NOT NULL,
      vat_id text,
      currency text NOT NULL DEFAULT 'EUR',
      net_minor integer NOT NULL CHECK (net_minor >= 0),
      vat_minor integer NOT NULL CHECK (vat_minor >= 0),
      total_minor integer NOT NULL CHECK (total_minor >= 0),
      vat_rate numeric(5,2) NOT NULL,
      reverse_charge boolean NOT NULL,
      proration jsonb,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz
    )`);
    // One open order per tenant: a new one withdraws the old one in the same transaction.
    await q.query(
      `CREATE UNIQUE INDEX billing_orders_one_pending ON billing_orders (tenant_id) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX billing_orders_tenant_idx ON billing_orders (tenant_id, created_at)`,
    );
    await q.query(`CREATE SEQUENCE billing_invoice_number_seq`);
    await q.query(`CREATE TABLE billing_invoices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      order_id uuid REFERENCES billing_orders(id) ON DELETE SET NULL,
      number text NOT NULL UNIQUE,
      status text NOT NULL CHECK (status IN ('open','paid','void')),
      description text NOT NULL,
      company text NOT NULL,
      billing_name text NOT NULL,
      billing_email text NOT NULL,
      vat_id text,
      currency text NOT NULL DEFAULT 'EUR',
      net_minor integer NOT NULL,
      vat_minor integer NOT NULL,
      total_minor integer NOT NULL,
      vat_rate numeric(5,2) NOT NULL,
      reverse_charge boolean NOT NULL,
      period_start timestamptz,
      period_end timestamptz,
      issued_at timestamptz NOT NULL DEFAULT now(),
      due_at timestamptz NOT NULL,
      paid_at timestamptz
    )`);
    await q.query(
      `CREATE INDEX billing_invoices_tenant_idx ON billing_invoices (tenant_id, issued_at)`,
    );
    const current = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of ['billing_orders', 'billing_invoices']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${current}) WITH CHECK (tenant_id = ${current})`,
      );
    }
    await q.query(
      `GRANT USAGE, SELECT ON SEQUENCE billing_invoice_number_seq TO contract_bank_app`,
    );
    await q.query(`ALTER TABLE subscriptions
      ADD COLUMN billing_interval text CHECK (billing_interval IN ('month','year')),
      ADD COLUMN current_period_start timestamptz,
      ADD COLUMN stripe_customer_id text,
      ADD COLUMN stripe_subscription_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE subscriptions
      DROP COLUMN IF EXISTS billing_interval,
      DROP COLUMN IF EXISTS current_period_start,
      DROP COLUMN IF EXISTS stripe_customer_id,
      DROP COLUMN IF EXISTS stripe_subscription_id`);
    await q.query(`DROP TABLE IF EXISTS billing_invoices`);
    await q.query(`DROP SEQUENCE IF EXISTS billing_invoice_number_seq`);
    await q.query(`DROP TABLE IF EXISTS billing_orders`);
  }
}
