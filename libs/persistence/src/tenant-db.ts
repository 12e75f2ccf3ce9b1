import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertTenantId(tenantId: string): void {
  if (typeof tenantId !== 'string' || !UUID.test(tenantId)) {
    throw new Error('A tenant-scoped operation was called without a valid tenantId');
  }
}

interface TenantScope {
  tenantId: string;
  manager: EntityManager;
}

/**
 * One request's shared transaction: opened by the first `TenantDb.run` of the request (the bearer check reading
 * the user), joined by every later one for the same tenant (the use case's reads), ended by `endRequest`.
 */
interface RequestScope {
  open: boolean;
  tx?: Promise<{ tenantId: string; runner: QueryRunner }>;
  /** What a statement of the request read beside its own rows, for a later step of it (see requestValues). */
  values?: Map<string, unknown>;
}

/** The pool had no free connection within its wait: the API answers 503 with Retry-After. */
export class DatabaseBusyError extends Error {
  readonly retryAfterSeconds = 1;
  constructor(cause: unknown) {
    super('The database has no free connection', { cause });
  }
}

/** pg-pool's error when no connection became free within connectionTimeoutMillis. */
function isPoolTimeout(err: unknown): boolean {
  return err instanceof Error && /timeout exceeded when trying to connect/i.test(err.message);
}

/** The database is overloaded (no free connection in time), whichever path the query took: answered 503. */
export function isDatabaseBusy(err: unknown): boolean {
  return err instanceof DatabaseBusyError || isPoolTimeout(err);
}

/**
 * START and the tenant in one message, one round trip instead of two (each statement costs the API about 0.2 ms of
 * CPU, most of it the round trip's system calls): the simple query protocol runs both, and a START inside it opens
 * a transaction that outlives the message. The tenant id is a literal here, so it is checked as a UUID first (it
 * always is: assertTenantId). The runner is then told of the transaction as its own startTransaction would (active,
 * depth 1), so that a nested transaction is a savepoint and commitTransaction sends the COMMIT.
 */
async function startWithTenant(runner: QueryRunner, tenantId: string): Promise<void> {
  assertTenantId(tenantId);
  Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
  await runner.query(`START TRANSACTION; SELECT set_config('app.tenant_id', '${tenantId}', true)`);
}

/**
 * The only way application code reaches tenant data. Each scope is one transaction in which
 * `app.tenant_id` is set, so PostgreSQL row-level security hides every other tenant's rows even
 * from a query that forgot its tenant filter. Nested calls for the same tenant join the open
 * transaction (AsyncLocalStorage); a nested call for another tenant is a bug and throws.
 */
export class TenantDb {
  private readonly scope = new AsyncLocalStorage<TenantScope>();
  private readonly requests = new AsyncLocalStorage<RequestScope>();

  constructor(readonly dataSource: DataSource) {}

  async run<T>(tenantId: string, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    assertTenantId(tenantId);
    const open = this.scope.getStore();
    if (open) {
      if (open.tenantId !== tenantId) throw new Error('Nested tenant scope for a different tenant');
      return fn(open.manager);
    }
    const request = this.requests.getStore();
    if (request?.open) {
      request.tx ??= this.begin(tenantId);
      const { tenantId: txTenant, runner } = await request.tx;
      // A request that reaches a second tenant (none should) gets a transaction of its own for it.
      if (txTenant === tenantId && request.open) {
        return this.scope.run({ tenantId, manager: runner.manager }, () => fn(runner.manager));
      }
    }
    const { runner } = await this.begin(tenantId);
    try {
      const result = await this.scope.run({ tenantId, manager: runner.manager }, () =>
        fn(runner.manager),
      );
      await runner.commitTransaction();
      return result;
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw isPoolTimeout(err) ? new DatabaseBusyError(err) : err;
    } finally {
      await runner.release();
    }
  }

  /**
   * Runs `fn` (the handling of one read-only request) so that its `run` calls share one transaction: START, the
   * tenant set once, the queries, COMMIT, instead of START, set_config and COMMIT around every repository call.
   * Only for requests that enqueue nothing after a commit (GET, HEAD): a write keeps its own transactions, so a
   * job never runs before the rows it needs are committed. `end` (or `endRequest`) commits or rolls back and
   * releases it; the API ends it before the response is sent and never while the handler still runs.
   */
  inRequest<T>(fn: (end: (commit: boolean) => Promise<void>) => T): T {
    const request: RequestScope = { open: true };
    return this.requests.run(request, () => fn((commit) => this.finish(request, commit)));
  }

  /**
   * Values a read request has already read, by key (each key names its tenant): a statement that reads one beside
   * its own rows keeps it here, and a later step of the same request takes it instead of a statement of its own.
   * Undefined outside a read request and once it has ended: a write, a worker's job or a test reads afresh.
   */
  requestValues(): Map<string, unknown> | undefined {
    const request = this.requests.getStore();
    if (!request?.open) return undefined;
    return (request.values ??= new Map());
  }

  /** Ends the current request's shared transaction, if one was opened; later `run` calls get their own. */
  endRequest(commit: boolean): Promise<void> {
    const request = this.requests.getStore();
    return request ? this.finish(request, commit) : Promise.resolve();
  }

  private async finish(request: RequestScope, commit: boolean): Promise<void> {
    if (!request.open) return;
    request.open = false;
    const tx = request.tx;
    request.tx = undefined;
    if (!tx) return;
    let runner: QueryRunner;
    try {
      ({ runner } = await tx);
    } catch {
      return; // never opened (the pool was busy): nothing to end
    }
    try {
      if (commit) await runner.commitTransaction();
      else await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  }

  private async begin(tenantId: string): Promise<{ tenantId: string; runner: QueryRunner }> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
    } catch (err) {
      await runner.release();
      throw isPoolTimeout(err) ? new DatabaseBusyError(err) : err;
    }
    try {
      await startWithTenant(runner, tenantId);
      return { tenantId, runner };
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      throw err;
    }
  }

  /** Readiness: the database answers (no tenant data is read). */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }

  /** The tenant of the enclosing scope, if any (for logs and assertions). */
  currentTenant(): string | undefined {
    return this.scope.getStore()?.tenantId;
  }
}

/**
 * The owner connection, which row-level security does not restrict. Only for cross-tenant
 * maintenance (finding stuck documents, scanning for due alerts) and never for request handling.
 */
export class SystemDb {
  constructor(readonly dataSource: DataSource) {}
}
