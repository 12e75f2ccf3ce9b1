import {
  createBillingActivateCommand,
  createBillingOrdersCommand,
  createBillingPaidCommand,
} from '../../apps/cli/src/commands/billing-activate.command';

/** The operator's billing commands against a test database, with their output captured line by line. */
export function billingCli(databaseUrl: string, smtpUrl?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  const env = {
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'x'.repeat(32),
    LOG_LEVEL: 'silent',
    ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
  };
  return {
    out,
    err,
    io,
    activate: createBillingActivateCommand(env),
    orders: createBillingOrdersCommand(env),
    paid: createBillingPaidCommand(env),
  };
}
