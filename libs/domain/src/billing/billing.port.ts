import type { BillingInterval, PlanId } from '../subscription/plans';

/** A paid plan at a price, as the catalogue states it. */
export interface PlanRequest {
  tenantId: string;
  plan: PlanId;
  planName: string;
  interval: BillingInterval;
  /** The catalogue price for one interval, minor units of `currency`. */
  amountMinor: number;
  currency: 'EUR';
  /** The owner asking, for the provider's customer record and receipts. */
  email: string;
}

/** The provider's ids for a tenant (Stripe customer and subscription), from the completed checkout. */
export interface ProviderRefs {
  customerId: string | null;
  subscriptionId: string | null;
}

/** An invoice or receipt as the provider keeps it. */
export interface ProviderInvoice {
  id: string;
  number: string | null;
  status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
  description: string | null;
  totalMinor: number;
  taxMinor: number;
  currency: string;
  issuedAt: Date;
  periodStart: Date | null;
  periodEnd: Date | null;
  /** The provider's page for the invoice (to pay it, or to see the receipt) and its PDF. */
  hostedUrl: string | null;
  pdfUrl: string | null;
}

/**
 * Card payments behind one port. `manual` (the default) has no provider behind it: orders, activations and
 * invoices live in our own tables (an operator invoices). `stripe` pays through Stripe Checkout and keeps the
 * subscription and its invoices at Stripe.
 */
export interface BillingPort {
  readonly provider: 'manual' | 'stripe';
  /** A Checkout session to pay for a first subscription; the webhook activates the plan. */
  startCheckout(request: PlanRequest): Promise<{ url: string; sessionId: string }>;
  /** Moves the provider's subscription to another price, prorating (the provider invoices the difference). */
  changePlan(refs: ProviderRefs, request: PlanRequest): Promise<void>;
  /** Cancel at the period end (`true`), or take that back (`false`). */
  setCancelAtPeriodEnd(refs: ProviderRefs, cancel: boolean): Promise<void>;
  listInvoices(refs: ProviderRefs, limit: number): Promise<ProviderInvoice[]>;
}

export const BILLING = Symbol('BILLING');
