import type { ActivateOrder, AuditTrail, BillingNotices, MarkInvoicePaid } from '@cb/application';
import type { AppConfig } from '@cb/config';
import type { Mailer } from '@cb/notifications';
import type {
  BillingInvoicesRepository,
  BillingOrdersQuery,
  SubscriptionChangeStore,
  TenantDb,
} from '@cb/persistence';

/** The use cases the operator commands run, wired by hand over one owner connection (no Nest, no Redis). */
export interface BillingOperator {
  db: TenantDb;
  store: SubscriptionChangeStore;
  orders: BillingOrdersQuery;
  invoices: BillingInvoicesRepository;
  audit: AuditTrail;
  notices: BillingNotices;
  activateOrder: ActivateOrder;
  markInvoicePaid: MarkInvoicePaid;
  close(): Promise<void>;
}

export async function openBillingOperator(config: AppConfig): Promise<BillingOperator> {
  // Loaded here, not at the top: the database, Nest and mail modules take about 0.6 s to load, which every
  // `contract-bank extract` run would otherwise pay without using them.
  const [{ Logger }, application, { LogMailer, SmtpMailer }, persistence] = await Promise.all([
    import('@nestjs/common'),
    import('@cb/application'),
    import('@cb/notifications'),
    import('@cb/persistence'),
  ]);
  const { ActivateOrder, AuditTrail, BillingNotices, MarkInvoicePaid } = application;
  const {
    AlertSettingsRepository,
    AuditEventsRepository,
    BillingInvoicesRepository,
    BillingOrdersQuery,
    BillingOrdersRepository,
    createDataSource,
    SubscriptionChangeStore,
    SystemDb,
    TenantDb,
    TenantsRepository,
    UsersRepository,
  } = persistence;
  const ds = await createDataSource({
    url: config.databaseUrl,
    poolSize: 2,
    applicationName: 'contract-bank-cli',
  }).initialize();
  const db = new TenantDb(ds);
  const mailer: Mailer = config.smtpUrl
    ? new SmtpMailer(config.smtpUrl, config.mailFrom)
    : new LogMailer(new Logger('Mail'));
  const audit = new AuditTrail(new AuditEventsRepository(db));
  const store = new SubscriptionChangeStore(db);
  const orders = new BillingOrdersQuery(new SystemDb(ds));
  const invoices = new BillingInvoicesRepository(db);
  const notices = new BillingNotices(
    new TenantsRepository(db),
    new UsersRepository(db),
    new AlertSettingsRepository(db),
    mailer,
    config,
  );
  const activateOrder = new ActivateOrder(
    db,
    orders,
    new BillingOrdersRepository(db),
    invoices,
    store,
    audit,
    notices,
    config,
  );
  const markInvoicePaid = new MarkInvoicePaid(db, orders, invoices, audit, notices);
  return {
    markInvoicePaid,
    db,
    store,
    orders,
    invoices,
    audit,
    notices,
    activateOrder,
    async close() {
      if (mailer instanceof SmtpMailer) mailer.close();
      await ds.destroy();
    },
  };
}
