import { loadConfig } from '@cb/config';
import { DomainError, type PlanCatalogue } from '@cb/domain';
import { createDataSource, SubscriptionChangeStore, TenantDb } from '@cb/persistence';
import type { CliCommand, CliIo } from './cli-command.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface BillingActivateArgs {
  tenantId: string;
  plan: string;
  /** End of the paid (invoiced) period; default one month from now. */
  until?: Date;
}

export function parseBillingActivateArgs(
  args: string[],
  catalogue: PlanCatalogue,
): BillingActivateArgs | string {
  let tenantId: string | undefined;
  let plan: string | undefined;
  let until: Date | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--tenant') tenantId = args[++i];
    else if (arg === '--plan') plan = args[++i];
    else if (arg === '--until') {
      const value = args[++i] ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
        return '--until needs a date YYYY-MM-DD';
      until = new Date(`${value}T00:00:00Z`);
    } else return `unknown argument ${arg}`;
  }
  if (!tenantId || !UUID.test(tenantId)) return '--tenant needs the tenant id (a UUID)';
  // Plans of the catalogue, retired ones too: an operator may renew a customer on a grandfathered plan.
  const paid = catalogue.plans.filter((p) => Object.keys(p.prices).length > 0).map((p) => p.id);
  if (!plan || !paid.includes(plan)) return `--plan must be one of ${paid.join(', ')}`;
  if (until && until.getTime() <= Date.now()) return '--until must be in the future';
  return { tenantId, plan, until };
}

/**
 * `contract-bank billing activate --tenant <id> --plan <plan> [--until YYYY-MM-DD]`: the manual billing
 * provider's operator command for invoiced customers. Connects as the database owner (DATABASE_URL) and
 * records the change in the tenant's audit trail as an operator action.
 */
/** `env` is for tests; by default the configuration comes from the process environment (loadConfig). */
export function createBillingActivateCommand(env?: NodeJS.ProcessEnv): CliCommand {
  return {
    name: 'billing activate',
    summary: "Activate or change a tenant's paid plan (invoiced customers, manual billing)",
    usage: 'billing activate --tenant <tenant-id> --plan <plan id> [--until YYYY-MM-DD]',
    async run(args: string[], io: CliIo): Promise<number> {
      const config = env ? loadConfig(env) : loadConfig();
      const parsed = parseBillingActivateArgs(args, config.plans);
      if (typeof parsed === 'string') {
        io.err(`contract-bank billing activate: ${parsed}`);
        return 2;
      }
      const ds = await createDataSource({
        url: config.databaseUrl,
        poolSize: 1,
        applicationName: 'contract-bank-cli',
      }).initialize();
      try {
        const store = new SubscriptionChangeStore(new TenantDb(ds));
        const sub = await store.apply(
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
        await ds.destroy();
      }
    },
  };
}

export const billingActivateCommand = createBillingActivateCommand();
