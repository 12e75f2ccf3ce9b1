import { AlertScanTenantsQuery } from './alert-scan-tenants.query';
import { CommonSearchWordsQuery } from './common-search-words.query';
import { BillingOrdersQuery } from './billing-orders.query';
import { LostWebhookDeliveriesQuery } from './lost-webhook-deliveries.query';
import { ContractsWithPassedDeadlinesQuery } from './passed-deadlines.query';
import { StuckContractsQuery } from './stuck-contracts.query';
import { TenantsWithDeadlinesQuery } from './tenants-with-deadlines.query';
import { TrialsToCheckQuery } from './trials-to-check.query';
import { UnfinishedImportsQuery } from './unfinished-imports.query';
import { UnpublishedContractEventsQuery } from './unpublished-contract-events.query';

export * from './alert-scan-tenants.query';
export * from './billing-orders.query';
export * from './common-search-words.query';
export * from './lost-webhook-deliveries.query';
export * from './passed-deadlines.query';
export * from './stuck-contracts.query';
export * from './tenants-with-deadlines.query';
export * from './trials-to-check.query';
export * from './unfinished-imports.query';
export * from './unpublished-contract-events.query';

/**
 * The cross-tenant maintenance queries: the only code that reads across tenants, each a named class over the
 * owner connection (SystemDb), read-only. Writes always go through a tenant scope (the one exception writes no
 * tenant's data: CommonSearchWordsQuery refreshes the search's copy of PostgreSQL's statistics).
 */
export const SYSTEM_QUERIES = [
  AlertScanTenantsQuery,
  BillingOrdersQuery,
  CommonSearchWordsQuery,
  LostWebhookDeliveriesQuery,
  ContractsWithPassedDeadlinesQuery,
  StuckContractsQuery,
  TenantsWithDeadlinesQuery,
  TrialsToCheckQuery,
  UnpublishedContractEventsQuery,
  UnfinishedImportsQuery,
];
