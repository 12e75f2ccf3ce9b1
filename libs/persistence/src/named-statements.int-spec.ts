import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { createTestDatabase, queryOnce, type TestDatabase } from '../../../test/support/database';
import { createDataSource } from './data-source.factory';
import { queryNamed } from './raw-rows';
import { TenantDb } from './tenant-db';

describe('queryNamed: a statement prepared once per connection', () => {
  let db: TestDatabase;
  let tenantDb: TenantDb;
  const tenant = randomUUID();
  const statements: string[] = [];
  const probe = (id: number) =>
    tenantDb.run(tenant, (m) =>
      queryNamed<{ v: unknown }>(m, 'cb_probe', 'SELECT v FROM named_probe WHERE id = $1', [id]),
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    await queryOnce(db.url, 'CREATE TABLE named_probe (id int PRIMARY KEY, v int NOT NULL)');
    await queryOnce(db.url, 'INSERT INTO named_probe VALUES (1, 10), (2, 20)');
    await queryOnce(db.url, 'GRANT SELECT ON named_probe TO contract_bank_app');
    // One connection, so that every statement below runs on the one that prepared it.
    tenantDb = new TenantDb(await createDataSource({ url: db.appUrl, poolSize: 1 }).initialize());
    const logger = tenantDb.dataSource.logger;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (query, params, runner) => {
      statements.push(query);
      original(query, params, runner);
    };
  });

  afterAll(async () => {
    await tenantDb?.dataSource.destroy();
    await db?.drop();
  });

  it('answers with its parameters each time, prepared once, and is logged as a plain query is', async () => {
    expect(await probe(1)).toEqual([{ v: 10 }]);
    expect(await probe(2)).toEqual([{ v: 20 }]);
    expect(await probe(3)).toEqual([]);
    const [prepared] = await tenantDb.run(tenant, (m) =>
      m.query(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = 'cb_probe'`),
    );
    expect(prepared).toEqual({ n: 1 });
    expect(statements.filter((s) => s.includes('named_probe'))).toHaveLength(3);
  });

  it('fails as QueryFailedError on a bad parameter, and the connection goes on', async () => {
    await expect(
      tenantDb.run(tenant, (m) =>
        queryNamed(m, 'cb_probe', 'SELECT v FROM named_probe WHERE id = $1', ['x']),
      ),
    ).rejects.toBeInstanceOf(QueryFailedError);
    expect(await probe(1)).toEqual([{ v: 10 }]);
  });

  it('prepares itself again after a migration changed the type of a column it returns', async () => {
    expect(await probe(1)).toEqual([{ v: 10 }]);
    await queryOnce(db.url, 'ALTER TABLE named_probe ALTER COLUMN v TYPE text');
    // PostgreSQL refuses the cached plan once; the next request on the connection prepares the statement anew.
    await expect(probe(1)).rejects.toThrow(/cached plan must not change result type/);
    expect(await probe(1)).toEqual([{ v: '10' }]);
    expect(await probe(2)).toEqual([{ v: '20' }]);
  });
});
