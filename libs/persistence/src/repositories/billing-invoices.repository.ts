import { BillingInvoiceEntity } from '../entities/billing-invoice.entity';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export class BillingInvoicesRepository extends TenantScopedRepository<BillingInvoiceEntity> {
  constructor(db: TenantDb) {
    super(db, BillingInvoiceEntity);
  }

  /** The next invoice number, `CB-<year>-<6 digits>`, unique across tenants (one sequence). */
  nextNumber(tenantId: string, issuedAt: Date): Promise<string> {
    return this.run(tenantId, async (m) => {
      const rows: { n: string }[] = await m.query(
        `SELECT nextval('billing_invoice_number_seq') AS n`,
      );
      return `CB-${issuedAt.getUTCFullYear()}-${String(rows[0]!.n).padStart(6, '0')}`;
    });
  }

  lockByNumber(tenantId: string, number: string): Promise<BillingInvoiceEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(BillingInvoiceEntity, {
        where: this.scoped(tenantId, { number }),
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }

  /** Newest first. */
  recent(tenantId: string, limit: number): Promise<BillingInvoiceEntity[]> {
    return this.find(tenantId, {}, { order: { issuedAt: 'DESC', number: 'DESC' }, take: limit });
  }
}
