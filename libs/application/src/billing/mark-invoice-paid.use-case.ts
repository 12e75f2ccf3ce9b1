import { DomainError, DomainErrorCode, NotFoundError } from '@cb/domain';
import type { BillingInvoicesRepository, BillingOrdersQuery, TenantDb } from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { AuditTrail } from '../audit/audit-trail.service';
import { toMoney } from '../subscription/list-plans.use-case';
import type { BillingNotices } from './billing-notices.service';

/**
 * The operator records the payment of a manual invoice (`contract-bank billing paid <invoice number>`): the
 * invoice becomes a receipt in Settings → Subscription, and the owners get the receipt by e-mail. Once.
 */
export class MarkInvoicePaid {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: BillingOrdersQuery,
    private readonly invoices: BillingInvoicesRepository,
    private readonly audit: AuditTrail,
    private readonly notices: BillingNotices,
  ) {}

  async execute(input: {
    number: string;
    actor: Actor;
    paidAt?: Date;
  }): Promise<{ tenantId: string; number: string; paidAt: string }> {
    const paidAt = input.paidAt ?? new Date();
    const tenantId = await this.lookup.tenantOfInvoice(input.number);
    if (!tenantId) throw new NotFoundError('Invoice');
    const invoice = await this.db.run(tenantId, async () => {
      const found = await this.invoices.lockByNumber(tenantId, input.number);
      if (!found) throw new NotFoundError('Invoice');
      if (found.status !== 'open')
        throw new DomainError(
          DomainErrorCode.InvalidState,
          `invoice ${found.number} is ${found.status}: nothing was changed`,
        );
      await this.invoices.update(tenantId, { id: found.id }, { status: 'paid', paidAt });
      await this.audit.record(tenantId, 'billing.invoice_paid', {
        actor: input.actor,
        targetType: 'billing_invoice',
        targetId: found.id,
        data: { number: found.number, totalMinor: found.totalMinor },
      });
      return found;
    });
    await this.notices.notifyOwners(
      tenantId,
      {
        kind: 'invoicePaid',
        invoiceNumber: invoice.number,
        invoiceTotal: toMoney(invoice.totalMinor),
      },
      `paid.${invoice.id}`,
    );
    return { tenantId, number: invoice.number, paidAt: paidAt.toISOString() };
  }
}
