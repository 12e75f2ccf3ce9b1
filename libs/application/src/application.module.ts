import { Module } from '@nestjs/common';
import { BillingProviderModule } from '@cb/billing';
import { APP_CONFIG } from '@cb/config';
import { BILLING, STORAGE } from '@cb/domain';
import { JobPublisher, JobsModule, LiveSignal } from '@cb/jobs';
import { MAILER, NotificationsModule } from '@cb/notifications';
import {
  AlertDigestsRepository,
  AlertScanTenantsQuery,
  AlertSettingsRepository,
  AlertsRepository,
  AuditEventsRepository,
  BillingInvoicesRepository,
  BillingOrdersQuery,
  BillingOrdersRepository,
  ContractEventsRepository,
  ContractsRepository,
  ContractsWithPassedDeadlinesQuery,
  DeadlinesRepository,
  DecisionsRepository,
  SnoozesRepository,
  InboxesRepository,
  ImportsRepository,
  InvitationsRepository,
  LostWebhookDeliveriesQuery,
  PersistenceModule,
  StuckContractsQuery,
  CommonSearchWordsQuery,
  SubscriptionChangeStore,
  SubscriptionsRepository,
  TenantDb,
  TenantsRepository,
  TenantsWithDeadlinesQuery,
  TrialsToCheckQuery,
  UnfinishedImportsQuery,
  UnpublishedContractEventsQuery,
  UsersRepository,
  WebhooksRepository,
} from '@cb/persistence';
import { StorageModule } from '@cb/storage';
import { RecordTenantAlerts } from './alerts/record-tenant-alerts.use-case';
import { ScanAlerts } from './alerts/scan-alerts.use-case';
import { SendAlert } from './alerts/send-alert.use-case';
import { SendDigest } from './alerts/send-digest.use-case';
import { AuditTrail } from './audit/audit-trail.service';
import { ListAuditEvents } from './audit/list-audit-events.use-case';
import { ActivateOrder } from './billing/activate-order.use-case';
import { BillingNotices } from './billing/billing-notices.service';
import { ChangeCancellation } from './billing/change-cancellation.use-case';
import { ListInvoices } from './billing/list-invoices.use-case';
import { MarkInvoicePaid } from './billing/mark-invoice-paid.use-case';
import { ChoosePlan } from './billing/choose-plan.use-case';
import { QuotePlan } from './billing/quote-plan.use-case';
import { TenantCalendar } from './calendar/tenant-calendar.service';
import { ListContractEvents } from './contract-events/list-contract-events.use-case';
import { PublishContractEvent } from './contract-events/publish-contract-event.use-case';
import { SweepContractEvents } from './contract-events/sweep-contract-events.use-case';
import { ContractFiles } from './contract/contract-files.service';
import { ContractOwners } from './contract/contract-owners.service';
import { CorrectTerms } from './contract/correct-terms.use-case';
import { SetTermFromText } from './contract/set-term-from-text.use-case';
import { DeleteContract } from './contract/delete-contract.use-case';
import { GetContract } from './contract/get-contract.use-case';
import { GetNoticeLetter } from './contract/get-notice-letter.use-case';
import { GiveUpParse } from './contract/give-up-parse.use-case';
import { LinkAmendment } from './contract/link-amendment.use-case';
import { ListContracts } from './contract/list-contracts.use-case';
import { OpenContractFile } from './contract/open-contract-file.use-case';
import { ParseContract } from './contract/parse-contract.use-case';
import { RecomputeDeadlines } from './contract/recompute-deadlines.use-case';
import { RecordParseResult } from './contract/record-parse-result.use-case';
import { RefreshPassedDeadlines } from './contract/refresh-passed-deadlines.use-case';
import { ReparseContract } from './contract/reparse-contract.use-case';
import { SweepStuckContracts } from './contract/sweep-stuck-contracts.use-case';
import { RefreshCommonSearchWords } from './contract/refresh-common-search-words.use-case';
import { UploadContract } from './contract/upload-contract.use-case';
import { ListDeadlines } from './deadline/list-deadlines.use-case';
import { DecideDeadline } from './decision/decide-deadline.use-case';
import { UndoDecision } from './decision/undo-decision.use-case';
import { SnoozeDeadline } from './decision/snooze-deadline.use-case';
import { EndSnooze } from './decision/end-snooze.use-case';
import { SummarizeUndecided } from './deadline/summarize-undecided.use-case';
import { ExpandImport } from './import/expand-import.use-case';
import { GetImport, ListImports } from './import/get-import.use-case';
import { StartImport } from './import/start-import.use-case';
import { SweepImports } from './import/sweep-imports.use-case';
import { GetInbox } from './inbox/get-inbox.use-case';
import { InboxAddresses } from './inbox/inbox-addresses.service';
import { ReceiveEmail } from './inbox/receive-email.use-case';
import { RotateInbox } from './inbox/rotate-inbox.use-case';
import { CheckTrials } from './subscription/check-trials.use-case';
import { GetSubscription } from './subscription/get-subscription.use-case';
import { ListPlans } from './subscription/list-plans.use-case';
import { PlanLimits } from './subscription/plan-limits.service';
import { provide } from './use-case.provider';
import { DeliverWebhook } from './webhooks/deliver-webhook.use-case';
import { RecoverWebhookDeliveries } from './webhooks/recover-webhook-deliveries.use-case';
import { WebhookEvents } from './webhooks/webhook-events.service';

/** Services several use cases share (the tenant's calendar, the audit trail, plan limits, webhook events). */
const SERVICES = [
  provide(TenantCalendar, [AlertSettingsRepository]),
  provide(AuditTrail, [AuditEventsRepository]),
  provide(PlanLimits, [
    TenantDb,
    SubscriptionsRepository,
    ContractsRepository,
    UsersRepository,
    InvitationsRepository,
    APP_CONFIG,
  ]),
  provide(ContractFiles, [STORAGE, ContractsRepository, ImportsRepository]),
  provide(WebhookEvents, [WebhooksRepository, JobPublisher]),
  provide(ContractOwners, [UsersRepository, ContractsRepository, AuditTrail]),
];

/** contract: upload, read, correct, reparse, delete; the parse and its outcome; the deadline roll-forward. */
const CONTRACT = [
  provide(GetNoticeLetter, [
    TenantDb,
    ContractsRepository,
    TenantsRepository,
    UsersRepository,
    TenantCalendar,
  ]),
  provide(GetContract, [TenantDb, ContractsRepository, TenantCalendar, DecisionsRepository]),
  provide(ListContracts, [ContractsRepository, DecisionsRepository]),
  provide(OpenContractFile, [STORAGE, ContractsRepository]),
  provide(UploadContract, [
    TenantDb,
    ContractsRepository,
    ContractFiles,
    PlanLimits,
    AuditTrail,
    JobPublisher,
  ]),
  provide(ReparseContract, [TenantDb, ContractsRepository, JobPublisher, GetContract]),
  provide(RecomputeDeadlines, [TenantDb, ContractsRepository, TenantCalendar, DecisionsRepository]),
  provide(CorrectTerms, [
    TenantDb,
    ContractsRepository,
    RecomputeDeadlines,
    AuditTrail,
    JobPublisher,
    GetContract,
    LinkAmendment,
    ContractOwners,
  ]),
  provide(LinkAmendment, [TenantDb, ContractsRepository, RecomputeDeadlines]),
  provide(DeleteContract, [
    TenantDb,
    ContractsRepository,
    ContractFiles,
    AuditTrail,
    RecomputeDeadlines,
  ]),
  provide(SetTermFromText, [TenantDb, ContractsRepository, CorrectTerms]),
  provide(RecordParseResult, [
    TenantDb,
    ContractsRepository,
    ContractEventsRepository,
    RecomputeDeadlines,
    JobPublisher,
  ]),
  provide(ParseContract, [STORAGE, ContractsRepository, RecordParseResult, APP_CONFIG]),
  provide(GiveUpParse, [TenantDb, ContractsRepository, ContractEventsRepository, JobPublisher]),
  provide(RefreshCommonSearchWords, [CommonSearchWordsQuery]),
  provide(SweepStuckContracts, [
    StuckContractsQuery,
    ContractsRepository,
    GiveUpParse,
    JobPublisher,
  ]),
  provide(RefreshPassedDeadlines, [
    ContractsWithPassedDeadlinesQuery,
    TenantDb,
    ContractsRepository,
    RecomputeDeadlines,
  ]),
];

/** contract events: the outbox of finished parses and its consumers. */
const CONTRACT_EVENTS = [
  provide(PublishContractEvent, [
    TenantDb,
    ContractEventsRepository,
    WebhookEvents,
    JobPublisher,
    LiveSignal,
    APP_CONFIG,
  ]),
  provide(SweepContractEvents, [UnpublishedContractEventsQuery, JobPublisher]),
  provide(ListContractEvents, [ContractEventsRepository]),
];

/** alerts: the scan tick, one tenant's alerts and digests, the sends; webhooks: delivery and recovery. */
const ALERTS = [
  provide(ScanAlerts, [AlertScanTenantsQuery, TenantsWithDeadlinesQuery, JobPublisher]),
  provide(RecordTenantAlerts, [
    TenantDb,
    AlertSettingsRepository,
    AlertsRepository,
    AlertDigestsRepository,
    WebhookEvents,
    JobPublisher,
    APP_CONFIG,
  ]),
  provide(SendAlert, [
    TenantDb,
    AlertsRepository,
    AlertSettingsRepository,
    ContractsRepository,
    MAILER,
    JobPublisher,
    APP_CONFIG,
  ]),
  provide(SendDigest, [
    TenantDb,
    AlertDigestsRepository,
    AlertSettingsRepository,
    DecisionsRepository,
    MAILER,
    APP_CONFIG,
  ]),
  provide(DeliverWebhook, [TenantDb, WebhooksRepository, AlertsRepository, APP_CONFIG]),
  provide(RecoverWebhookDeliveries, [LostWebhookDeliveriesQuery, WebhookEvents]),
];

/** deadlines, decisions on notice deadlines, audit trail and subscription. */
const OTHERS = [
  provide(ListDeadlines, [DeadlinesRepository, DecisionsRepository, TenantCalendar]),
  provide(DecideDeadline, [
    TenantDb,
    ContractsRepository,
    DecisionsRepository,
    RecomputeDeadlines,
    TenantCalendar,
    AuditTrail,
    WebhookEvents,
    JobPublisher,
    GetContract,
    APP_CONFIG,
  ]),
  provide(UndoDecision, [
    TenantDb,
    ContractsRepository,
    DecisionsRepository,
    RecomputeDeadlines,
    AuditTrail,
    JobPublisher,
  ]),
  provide(SummarizeUndecided, [DecisionsRepository, TenantCalendar]),
  provide(SnoozeDeadline, [
    TenantDb,
    ContractsRepository,
    DecisionsRepository,
    SnoozesRepository,
    RecomputeDeadlines,
    TenantCalendar,
    AuditTrail,
  ]),
  provide(EndSnooze, [
    TenantDb,
    ContractsRepository,
    SnoozesRepository,
    RecomputeDeadlines,
    AuditTrail,
  ]),
  provide(ListAuditEvents, [AuditEventsRepository]),
  provide(CheckTrials, [
    TrialsToCheckQuery,
    TenantDb,
    SubscriptionsRepository,
    TenantsRepository,
    UsersRepository,
    AlertSettingsRepository,
    MAILER,
    APP_CONFIG,
  ]),
  provide(ListPlans, [APP_CONFIG]),
  provide(GetSubscription, [
    TenantDb,
    SubscriptionChangeStore,
    ContractsRepository,
    UsersRepository,
    BillingOrdersRepository,
    APP_CONFIG,
  ]),
];

/** bringing contracts in: e-mail-in (the tenant's address, a received mail) and bulk import. */
const INTAKE = [
  provide(InboxAddresses, [InboxesRepository, APP_CONFIG]),
  provide(GetInbox, [InboxAddresses]),
  provide(RotateInbox, [TenantDb, InboxAddresses, AuditTrail]),
  provide(ReceiveEmail, [
    UsersRepository,
    STORAGE,
    UploadContract,
    PlanLimits,
    MAILER,
    APP_CONFIG,
    AlertSettingsRepository,
  ]),
  provide(StartImport, [
    TenantDb,
    ImportsRepository,
    ContractFiles,
    PlanLimits,
    AuditTrail,
    JobPublisher,
  ]),
  provide(ExpandImport, [
    TenantDb,
    ImportsRepository,
    STORAGE,
    UploadContract,
    LinkAmendment,
    ContractFiles,
    ContractOwners,
    APP_CONFIG,
  ]),
  provide(GetImport, [TenantDb, ImportsRepository]),
  provide(ListImports, [TenantDb, ImportsRepository]),
  provide(SweepImports, [UnfinishedImportsQuery, JobPublisher]),
];

/** billing: quotes, orders (Stripe Checkout or a manual order), the operator's activation, e-mails to owners. */
const BILLING_CASES = [
  provide(BillingNotices, [
    TenantsRepository,
    UsersRepository,
    AlertSettingsRepository,
    MAILER,
    APP_CONFIG,
  ]),
  provide(QuotePlan, [TenantDb, SubscriptionChangeStore, TenantsRepository, BILLING, APP_CONFIG]),
  provide(ChoosePlan, [
    TenantDb,
    QuotePlan,
    BillingOrdersRepository,
    SubscriptionChangeStore,
    UsersRepository,
    AuditTrail,
    BillingNotices,
    BILLING,
    APP_CONFIG,
  ]),
  provide(ActivateOrder, [
    TenantDb,
    BillingOrdersQuery,
    BillingOrdersRepository,
    BillingInvoicesRepository,
    SubscriptionChangeStore,
    AuditTrail,
    BillingNotices,
    APP_CONFIG,
  ]),
  provide(ChangeCancellation, [
    TenantDb,
    SubscriptionChangeStore,
    BillingOrdersRepository,
    BillingNotices,
    BILLING,
    APP_CONFIG,
  ]),
  provide(ListInvoices, [BillingInvoicesRepository, SubscriptionChangeStore, BILLING]),
  provide(MarkInvoicePaid, [
    TenantDb,
    BillingOrdersQuery,
    BillingInvoicesRepository,
    AuditTrail,
    BillingNotices,
  ]),
];

const PROVIDERS = [
  ...SERVICES,
  ...CONTRACT,
  ...CONTRACT_EVENTS,
  ...ALERTS,
  ...OTHERS,
  ...BILLING_CASES,
  ...INTAKE,
];

/**
 * The application layer: every use case of the API and the worker, as plain classes over the domain and the
 * ports (repositories, storage, mailer, job publisher), wired here and nowhere else. Adapters (controllers,
 * processors, the CLI) import this module and call one use case per request or job.
 */
@Module({
  imports: [
    PersistenceModule,
    StorageModule,
    NotificationsModule,
    JobsModule,
    BillingProviderModule,
  ],
  providers: PROVIDERS,
  exports: [
    ...PROVIDERS.map((p) => p.provide),
    PersistenceModule,
    StorageModule,
    NotificationsModule,
    JobsModule,
    BillingProviderModule,
  ],
})
export class ApplicationModule {}
