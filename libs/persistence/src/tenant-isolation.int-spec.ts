import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { createDataSource } from './data-source.factory';
import { ContractsRepository } from './repositories/contracts.repository';
import { TenantsRepository } from './repositories/tenants.repository';
import { TenantDb } from './tenant-db';

describe('tenant isolation: the row-level security wall', () => {
  let db: TestDatabase;
  let tenantDb: TenantDb;
  let contracts: ContractsRepository;
  const a = randomUUID();
  const b = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase();
    tenantDb = new TenantDb(await createDataSource({ url: db.appUrl }).initialize());
    contracts = new ContractsRepository(tenantDb);
    const tenants = new TenantsRepository(tenantDb);
    for (const [t, name] of [
      [a, 'A'],
      [b, 'B'],
    ] as const) {
      await tenants.create(t, name);
      await contracts.insert(t, {
        id: randomUUID(),
        status: 'processing',
        fileName: `${name}.pdf`,
        fileSize: 1,
        fileSha256: '0'.repeat(64),
        mediaType: 'application/pdf',
        storageKey: `${t}/00/${'0'.repeat(64)}`,
        title: `Contract of ${name}`,
      });
    }
  });

  afterAll(async () => {
    await tenantDb?.dataSource.destroy();
    await db?.drop();
  });

  it('returns only the current tenant rows to a query that forgot its tenant filter', async () => {
    const rows = await tenantDb.run(a, (m) => m.query('SELECT title FROM contracts'));
    expect(rows).toEqual([{ title: 'Contract of A' }]);
  });

  it('returns nothing at all when no tenant is set', async () => {
    const rows = await tenantDb.dataSource.query('SELECT title FROM contracts');
    expect(rows).toEqual([]);
    expect(await tenantDb.dataSource.query('SELECT id FROM tenants')).toEqual([]);
  });

  it('refuses to write a row for another tenant, even with raw SQL', async () => {
    await expect(
      tenantDb.run(a, (m) =>
        m.query(
          `INSERT INTO contracts (id, tenant_id, status, file_name, file_size, file_sha256, media_type, storage_key)
           VALUES ($1, $2, 'processing', 'x', 1, 'x', 'x', 'x')`,
          [randomUUID(), b],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('cannot update or delete another tenant rows', async () => {
    const updated = await tenantDb.run(a, (m) =>
      m.query(`UPDATE contracts SET title = 'hacked' WHERE tenant_id = $1`, [b]),
    );
    expect(updated[1]).toBe(0);
    await tenantDb.run(a, (m) => m.query(`DELETE FROM contracts WHERE tenant_id = $1`, [b]));
    const stillThere = await tenantDb.run(b, (m) => m.query('SELECT title FROM contracts'));
    expect(stillThere).toEqual([{ title: 'Contract of B' }]);
  });

  it('the application role is neither superuser nor exempt from RLS', async () => {
    const client = new Client({ connectionString: db.appUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
      );
      expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
      const forced = await client.query(
        `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
           AND relname NOT IN ('migrations') AND NOT relrowsecurity ORDER BY relname`,
      );
      expect(forced.rows).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('repositories reject a missing tenant or a tenantId smuggled into the filter', async () => {
    await expect(contracts.find('', {})).rejects.toThrow(/tenantId/);
    await expect(contracts.find(a, { tenantId: b } as never)).rejects.toThrow(/tenantId/);
  });
});
