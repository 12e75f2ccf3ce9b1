import type { BillingPort, ProviderInvoice } from '@cb/domain';

/**
 * The default provider, for invoiced customers: there is no payment provider behind it. Orders wait for an
 * operator (`contract-bank billing activate <orderId>`), and the invoices are our own records.
 */
export class ManualBillingProvider implements BillingPort {
  readonly provider = 'manual' as const;

  startCheckout(): Promise<{ url: string; sessionId: string }> {
    return Promise.reject(new Error('manual billing has no checkout: record an order instead'));
  }

  changePlan(): Promise<void> {
    return Promise.resolve();
  }

  setCancelAtPeriodEnd(): Promise<void> {
    return Promise.resolve();
  }

  listInvoices(): Promise<ProviderInvoice[]> {
    return Promise.resolve([]);
  }
}
