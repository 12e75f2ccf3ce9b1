import {
  QueryFailedError,
  type EntityManager,
  type EntityMetadata,
  type EntityTarget,
  type FindOptionsWhere,
  type ObjectLiteral,
} from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** Column types whose values pg already gives as TypeORM would hydrate them (and no transformer): kept as read. */
const AS_READ = new Set<unknown>([
  'uuid',
  'text',
  'varchar',
  'character varying',
  'integer',
  'int',
]);

interface RowPlan {
  metadata: EntityMetadata;
  /** The table, quoted for SQL. */
  table: string;
  columns: ColumnMetadata[];
  /** The columns whose read value TypeORM converts (dates, transformers such as bigint's). */
  converted: ColumnMetadata[];
  /** Select lists already built, by alias and selection. */
  selects: Map<string, string>;
  hydrate?: (row: Record<string, unknown>) => ObjectLiteral;
}

/** By entity: its plan, or null for an entity with relations or embedded columns (left to TypeORM). */
const plans = new WeakMap<EntityMetadata, RowPlan | null>();

function plainPlan(m: EntityManager, target: EntityTarget<ObjectLiteral>): RowPlan | null {
  const metadata = m.connection.getMetadata(target);
  let plan = plans.get(metadata);
  if (plan === undefined) {
    plan = null;
    if (metadata.embeddeds.length === 0 && metadata.relations.length === 0) {
      const driver = m.connection.driver;
      const columns = metadata.columns.filter((column) => !column.isVirtual);
      plan = {
        metadata,
        table: metadata.tablePath
          .split('.')
          .map((part) => driver.escape(part))
          .join('.'),
        columns,
        converted: columns.filter(
          (column) => column.transformer !== undefined || !AS_READ.has(column.type),
        ),
        selects: new Map(),
      };
    }
    plans.set(metadata, plan);
  }
  return plan;
}

function planFor(m: EntityManager, target: EntityTarget<ObjectLiteral>): RowPlan {
  const plan = plainPlan(m, target);
  if (!plan)
    throw new Error(
      `${m.connection.getMetadata(target).name} is not a plain entity: hydrate it with TypeORM`,
    );
  return plan;
}

/**
 * The select list of an entity's columns for a hand-written query, each named by its property
 * (`c."tenant_id" AS "tenantId"`), as `entitiesFromRaw` reads them: the given properties, or every column
 * TypeORM selects by default (not the `select: false` ones). Built once per entity, alias and selection.
 */
export function selectColumns<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  alias: string,
  properties?: readonly (keyof T & string)[],
): string {
  const plan = planFor(m, target);
  const cacheKey = `${alias}:${properties?.join(',') ?? '*'}`;
  let sql = plan.selects.get(cacheKey);
  if (!sql) {
    const chosen = properties
      ? properties.map((property) => {
          const found = plan.columns.find((column) => column.propertyName === property);
          if (!found) throw new Error(`${plan.metadata.name} has no column ${property}`);
          return found;
        })
      : plan.columns.filter((column) => column.isSelect);
    const driver = m.connection.driver;
    sql = chosen
      .map(
        (column) =>
          `${driver.escape(alias)}.${driver.escape(column.databaseName)} AS ${driver.escape(column.propertyName)}`,
      )
      .join(', ');
    plan.selects.set(cacheKey, sql);
  }
  return sql;
}

/**
 * The entities of the rows of a `selectColumns` query (the query's other columns are left out), as TypeORM would
 * give them: each column's value converted as TypeORM's driver converts it (dates, transformers such as bigint's)
 * on an object of the entity's class. TypeORM's own hydration builds the statement, groups the rows by primary key
 * and walks its join machinery for every row: for a list page of 51 contracts of 35 columns that was a sixth of
 * the request's CPU (bench:api).
 */
export function entitiesFromRaw<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  rows: readonly Record<string, unknown>[],
): T[] {
  const plan = planFor(m, target);
  plan.hydrate ??= compileHydrator(plan, m.connection.driver);
  return rows.map(plan.hydrate) as T[];
}

/**
 * One function per entity that copies a row's columns onto a new entity by name. Generated, like the row
 * hydrators of other ORMs (MikroORM's, for one), because a loop over the columns with computed keys makes every
 * read and write a dictionary look-up: it cost four times as much per page (0.4 against 0.1 ms for 51 rows), and
 * left entities that the mapping to the API's answer read at half the speed. The names come from the entity's
 * metadata, never from a request, and are written as JSON string literals.
 */
function compileHydrator(
  plan: RowPlan,
  driver: EntityManager['connection']['driver'],
): (row: Record<string, unknown>) => ObjectLiteral {
  const prototype = (plan.metadata.target as { prototype?: object }).prototype ?? Object.prototype;
  const converters = plan.converted.map(
    (column) => (value: unknown) => driver.prepareHydratedValue(value, column),
  );
  const body = plan.columns
    .map((column) => {
      const name = JSON.stringify(column.propertyName);
      const at = plan.converted.indexOf(column);
      return `v = row[${name}]; if (v !== undefined) e[${name}] = ${at < 0 ? 'v' : `convert[${at}](v)`};`;
    })
    .join('\n');
  const make = new Function(
    'prototype',
    'convert',
    `return function hydrate(row) { const e = Object.create(prototype); let v;\n${body}\nreturn e; };`,
  );
  return make(prototype, converters) as (row: Record<string, unknown>) => ObjectLiteral;
}

/**
 * `findOne` for a plain entity and a filter of plain values (column = value, ANDed), as one hand-written statement
 * hydrated by `entitiesFromRaw`; `undefined` when the filter holds anything else (operators, nulls, relations),
 * which the caller then gives to TypeORM. The bearer check and /v1/me read users and tenants this way on every
 * request: TypeORM assembling the statement was a tenth of /v1/me's CPU.
 */
export function findOneByValues<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  where: Record<string, unknown>,
): Promise<T | null> | undefined {
  const plan = plainPlan(m, target);
  if (!plan) return undefined;
  const driver = m.connection.driver;
  const params: unknown[] = [];
  const conditions: string[] = [];
  for (const [property, value] of Object.entries(where)) {
    const column = plan.columns.find((c) => c.propertyName === property);
    if (!column || column.transformer) return undefined;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      return undefined;
    params.push(value);
    conditions.push(`"t".${driver.escape(column.databaseName)} = $${params.length}`);
  }
  if (conditions.length === 0) return undefined;
  return m
    .query(
      `SELECT ${selectColumns(m, target, 't')} FROM ${plan.table} "t" WHERE ${conditions.join(' AND ')} LIMIT 1`,
      params,
    )
    .then((rows: Record<string, unknown>[]) => entitiesFromRaw(m, target, rows)[0] ?? null);
}

/** `m.findOne(target, { where })`, through `findOneByValues` when the filter is plain values. */
export function findOne<T extends ObjectLiteral>(
  m: EntityManager,
  target: EntityTarget<T>,
  where: FindOptionsWhere<T>,
): Promise<T | null> {
  return (
    findOneByValues(m, target, where as Record<string, unknown>) ?? m.findOne(target, { where })
  );
}

/** The pg client of a TypeORM query runner, as far as named statements need it. */
interface NamedStatementClient {
  query(config: {
    name: string;
    text: string;
    values: unknown[];
  }): Promise<{ rows: Record<string, unknown>[] }>;
  query(text: string): Promise<unknown>;
  /** node-postgres's own record of the statements it has prepared on this connection. */
  connection?: { parsedStatements?: Record<string, string> };
}

/** By connection: its named statements whose plan PostgreSQL refused after a schema change, to prepare again. */
const stalePlans = new WeakMap<NamedStatementClient, Set<string>>();

/**
 * A SELECT run as a named prepared statement: each connection parses and plans it once and then only binds and
 * runs it. For a statement of every request (the bearer check's user, a contract by id) the planning was most of
 * its PostgreSQL time (0.3 ms of 0.5 on the bench database): RLS adds its policies' conditions to every plan.
 * Only for statements whose text never varies and whose generic plan is the custom one (a lookup by primary key):
 * PostgreSQL switches to the generic plan after five executions. Logged, and failing with QueryFailedError, as
 * `EntityManager.query` does (the statement-count tests read TypeORM's logger); outside a transaction, plain query.
 *
 * A migration that changes the type of a column the statement returns makes PostgreSQL refuse its cached plan
 * ("cached plan must not change result type") on every later execution on that connection: that request fails,
 * and the next one on the connection drops the statement and prepares it again.
 */
export async function queryNamed<T = Record<string, unknown>>(
  m: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const runner = m.queryRunner;
  if (!runner || runner.isReleased) return m.query(text, values);
  const client = (await runner.connect()) as NamedStatementClient;
  const logger = m.connection.logger;
  const stale = stalePlans.get(client);
  if (stale?.delete(name)) {
    logger.logQuery(`DEALLOCATE ${name}`, [], runner);
    await client.query(`DEALLOCATE ${name}`);
    delete client.connection?.parsedStatements?.[name];
  }
  logger.logQuery(text, values, runner);
  try {
    return (await client.query({ name, text, values })).rows as T[];
  } catch (err) {
    if ((err as { code?: string }).code === '0A000' && /cached plan/.test(String(err))) {
      stalePlans.set(client, (stale ?? new Set<string>()).add(name));
    }
    logger.logQueryError(err as Error, text, values, runner);
    throw new QueryFailedError(text, values, err as Error);
  }
}
