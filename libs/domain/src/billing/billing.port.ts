import type { BillingInterval, PlanId } from '../subscription/plans';

/** What happened when a tenant asked for a paid plan. */
export type PlanRequestOutcome =
  /** The plan applies now (manual provider: an operator invoices the customer). */
  | { kind: 'activated' }
  /** The customer pays first at `url`; the provider's webhook activates the plan. */
  | { kind: 'checkout'; url: string };

export interface PlanRequest {
  tenantId: string;
  plan: PlanId;
  planName: string;
  interval: BillingInterval;
  /** The catalogue price for one interval, minor units of `currency`, as the catalogue states it. */
  amountMinor: number;
  currency: 'EUR';
  /** The owner asking, for the provider's customer record and receipts. */
  email: string;
}

/** Payment behind one port: `manual` (default, invoiced customers) or a card provider such as Stripe. */
export interface BillingPort {
  readonly provider: 'manual' | 'stripe';
  requestPlan(request: PlanRequest): Promise<PlanRequestOutcome>;
}

export const BILLING = Symbol('BILLING');
