import { loadConfig, type AppConfig } from '@cb/config';
import { DomainError, type PlanCatalogue } from '@cb/domain';
import type { CliCommand, CliIo } from './cli-command.types';
import { openBillingOperator } from './billing-operator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type BillingActivateArgs =
  /** A pending order the customer placed (manual billing). */
  | { orderId: string; until?: Date }
  /** A plan agreed outside the app (a signed quote, a framework agreement). */
  | { tenantId: string; plan: string; until?: Date };

export function parseBillingActivateArgs(
  args: string[],
  catalogue: PlanCatalogue,
): BillingActivateArgs | string {
  let tenantId: string | undefined;
  let plan: string | undefined;
  let until: Date | undefined;
  let orderId: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--tenant') tenantId = args[++i];
    else if (arg === '--plan') plan = args[++i];
    else if (arg === '--until') {
      const value = args[++i] ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
        return '--until needs a date YYYY-MM-DD';
      until = new Date(`${value}T00:00:00Z`);
    } else if (!arg.startsWith('-') && orderId === undefined) orderId = arg;
    else return `unknown argument ${arg}`;
  }
  if (until && until.getTime() <= Date.now()) return '--until must be in the future';
  if (orderId !== undefined) {
    if (!UUID.test(orderId)) return 'the order id is a UUID (see `contract-bank billing orders`)';
    if (tenantId || plan) return 'give either an order id or --tenant and --plan, not both';
    return { orderId, until };
  }
  if (!tenantId || !UUID.test(tenantId)) return '--tenant needs the tenant id (a UUID)';
  // Plans of the catalogue, retired ones too: an operator may renew a customer on a grandfathered plan.
  const paid = catalogue.plans.filter((p) => Object.keys(p.prices).length > 0).map((p) => p.id);
  if (!plan || !paid.includes(plan)) return `--plan must be one of ${paid.join(', ')}`;
  return { tenantId, plan, until };
}

/**
 * `contract-bank billing activate <orderId> [--until YYYY-MM-DD]`: activates a pending order of the manual
 * provider (the plan applies, an invoice is issued, the owners are e-mailed). The older form
 * `billing activate --tenant <id> --plan <plan> [--until]` activates a plan agreed outside the app.
 * Connects as the database owner (DATABASE_URL); the tenant's audit trail records an operator action.
 */
/** `env` is for tests; by default the configuration comes from the process environment (loadConfig). */
export function createBillingActivateCommand(env?: NodeJS.ProcessEnv): CliCommand {
  return {
    name: 'billing activate',
    summary:
      "Activate a customer's pending order, or a plan agreed outside the app (manual billing)",
    usage:
      'billing activate <order-id> [--until YYYY-MM-DD] | billing activate --tenant <tenant-id> --plan <plan id> [--until YYYY-MM-DD]',
    async run(args: string[], io: CliIo): Promise<number> {
      const config: AppConfig = env ? loadConfig(env) : loadConfig();
      const parsed = parseBillingActivateArgs(args, config.plans);
      if (typeof parsed === 'string') {
        io.err(`contract-bank billing activate: ${parsed}`);
        return 2;
      }
      const operator = await openBillingOperator(config);
      try {
        if ('orderId' in parsed) {
          const done = await operator.activateOrder.execute({
            orderId: parsed.orderId,
            until: parsed.until,
            actor: { type: 'operator', id: null },
          });
          io.out(JSON.stringify(done));
          return 0;
        }
        const sub = await operator.store.apply(
          parsed.tenantId,
          { type: 'choosePlan', plan: parsed.plan, periodEnd: parsed.until },
          new Date(),
          { type: 'operator', id: null },
        );
        io.out(
          JSON.stringify({
            tenantId: parsed.tenantId,
            plan: sub.plan,
            status: sub.status,
            currentPeriodEnd: sub.currentPeriodEnd?.toISOString() ?? null,
          }),
        );
        return 0;
      } catch (error) {
        if (error instanceof DomainError) {
          io.err(`contract-bank billing activate: ${error.message}`);
          return 1;
        }
        throw error;
      } finally {
        await operator.close();
      }
    },
  };
}

export const billingActivateCommand = createBillingActivateCommand();

/** `contract-bank billing orders`: the pending orders waiting for an operator, one JSON line each. */
export function createBillingOrdersCommand(env?: NodeJS.ProcessEnv): CliCommand {
  return {
    name: 'billing orders',
    summary: 'List the pending manual-billing orders (oldest first), one JSON line each',
    usage: 'billing orders',
    async run(args: string[], io: CliIo): Promise<number> {
      if (args.length) {
        io.err(`contract-bank billing orders: unknown argument ${args[0]}`);
        return 2;
      }
      const config = env ? loadConfig(env) : loadConfig();
      const operator = await openBillingOperator(config);
      try {
        for (const o of await operator.orders.pending())
          io.out(
            JSON.stringify({
              ...o,
              total: { amount: o.totalMinor / 100, currency: o.currency },
              createdAt: o.createdAt.toISOString(),
            }),
          );
        return 0;
      } finally {
        await operator.close();
      }
    },
  };
}

export const billingOrdersCommand = createBillingOrdersCommand();

/** `contract-bank billing paid <invoice number>`: records the payment of a manual invoice (a receipt is e-mailed). */
export function createBillingPaidCommand(env?: NodeJS.ProcessEnv): CliCommand {
  return {
    name: 'billing paid',
    summary: 'Record the payment of a manual invoice: it becomes a receipt, e-mailed to the owners',
    usage: 'billing paid <invoice-number> [--on YYYY-MM-DD]',
    async run(args: string[], io: CliIo): Promise<number> {
      let number: string | undefined;
      let paidAt: Date | undefined;
      for (let i = 0; i < args.length; i++) {
        const arg = args[i]!;
        if (arg === '--on') {
          const value = args[++i] ?? '';
          if (
            !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
            Number.isNaN(Date.parse(`${value}T12:00:00Z`))
          ) {
            io.err('contract-bank billing paid: --on needs a date YYYY-MM-DD');
            return 2;
          }
          paidAt = new Date(`${value}T12:00:00Z`);
        } else if (!arg.startsWith('-') && !number) number = arg;
        else {
          io.err(`contract-bank billing paid: unknown argument ${arg}`);
          return 2;
        }
      }
      if (!number || !/^CB-\d{4}-\d{6,}$/.test(number)) {
        io.err('contract-bank billing paid: give the invoice number, e.g. CB-2026-000001');
        return 2;
      }
      const config = env ? loadConfig(env) : loadConfig();
      const operator = await openBillingOperator(config);
      try {
        io.out(
          JSON.stringify(
            await operator.markInvoicePaid.execute({
              number,
              paidAt,
              actor: { type: 'operator', id: null },
            }),
          ),
        );
        return 0;
      } catch (error) {
        if (error instanceof DomainError) {
          io.err(`contract-bank billing paid: ${error.message}`);
          return 1;
        }
        throw error;
      } finally {
        await operator.close();
      }
    },
  };
}

export const billingPaidCommand = createBillingPaidCommand();
