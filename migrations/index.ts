import { Foundation1763800000000 } from './1763800000000-Foundation';
import { TeamAndKeys1763900000000 } from './1763900000000-TeamAndKeys';
import { Alerts1764000000000 } from './1764000000000-Alerts';
import { TrialReminders1764100000000 } from './1764100000000-TrialReminders';
import { StaleWebhookEvents1764200000000 } from './1764200000000-StaleWebhookEvents';
import { AlertLanguage1764300000000 } from './1764300000000-AlertLanguage';
import { ContractEvents1764400000000 } from './1764400000000-ContractEvents';
import { ContractFileHashes1796191566205 } from './1796191566205-ContractFileHashes';
import { ContractReview1796191588173 } from './1796191588173-ContractReview';
import { Amendments1796191895049 } from './1796191895049-Amendments';
import { BillingOrders1796192169983 } from './1796192169983-BillingOrders';
import { Inboxes1796192474341 } from './1796192474341-Inboxes';
import { Imports1796193053295 } from './1796193053295-Imports';
import { AccountSecurity1796196530111 } from './1796196530111-AccountSecurity';
import { ContractOwners1796200000000 } from './1796200000000-ContractOwners';
import { NoticeRenewalDate1796206318157 } from './1796206318157-NoticeRenewalDate';
import { EncryptTotpSecrets1796230000000 } from './1796230000000-EncryptTotpSecrets';

export { setMigrationSecrets } from './migration-secrets';
import { ContractSearch1796240000000 } from './1796240000000-ContractSearch';
import { SsoConnections1796250000000 } from './1796250000000-SsoConnections';
import { EmailVerification1796280000001 } from './1796280000001-EmailVerification';
import { SearchCost1796300000000 } from './1796300000000-SearchCost';
import { SearchIndexPerTenant1796310000000 } from './1796310000000-SearchIndexPerTenant';
import { SearchTenantIndexOnly1796320000000 } from './1796320000000-SearchTenantIndexOnly';
import { SnippetTextOnce1796330000000 } from './1796330000000-SnippetTextOnce';
import { SearchCommonWords1796340000000 } from './1796340000000-SearchCommonWords';
import { SnippetWholeWord1796350000000 } from './1796350000000-SnippetWholeWord';
import { SnippetPlaceByStrpos1796360000000 } from './1796360000000-SnippetPlaceByStrpos';
import { SnippetByteOffsets1796370000000 } from './1796370000000-SnippetByteOffsets';
import { ContractsLz41796380000000 } from './1796380000000-ContractsLz4';
import { AlertEscalations1796260000000 } from './1796260000000-AlertEscalations';
import { ContractDecisions1796210000000 } from './1796210000000-ContractDecisions';
import { DeadlineSnoozes1796270000000 } from './1796270000000-DeadlineSnoozes';

/** Every migration, in order. The migrate command and the test database template both use this list. */
export const MIGRATIONS = [
  Foundation1763800000000,
  TeamAndKeys1763900000000,
  Alerts1764000000000,
  TrialReminders1764100000000,
  StaleWebhookEvents1764200000000,
  AlertLanguage1764300000000,
  ContractEvents1764400000000,
  ContractFileHashes1796191566205,
  ContractReview1796191588173,
  Amendments1796191895049,
  BillingOrders1796192169983,
  Inboxes1796192474341,
  Imports1796193053295,
  AccountSecurity1796196530111,
  ContractOwners1796200000000,
  NoticeRenewalDate1796206318157,
  ContractDecisions1796210000000,
  EncryptTotpSecrets1796230000000,
  ContractSearch1796240000000,
  SsoConnections1796250000000,
  AlertEscalations1796260000000,
  DeadlineSnoozes1796270000000,
  EmailVerification1796280000001,
  SearchCost1796300000000,
  SearchIndexPerTenant1796310000000,
  SearchTenantIndexOnly1796320000000,
  SnippetTextOnce1796330000000,
  SearchCommonWords1796340000000,
  SnippetWholeWord1796350000000,
  SnippetPlaceByStrpos1796360000000,
  SnippetByteOffsets1796370000000,
  ContractsLz41796380000000,
];
