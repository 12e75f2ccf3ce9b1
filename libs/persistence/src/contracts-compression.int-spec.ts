import { randomUUID } from 'node:crypto';
import { createTestDatabase, queryOnce, type TestDatabase } from '../../../test/support/database';
import { createDataSource } from './data-source.factory';
import { ContractsRepository } from './repositories/contracts.repository';
import { TenantsRepository } from './repositories/tenants.repository';
import { TenantDb } from './tenant-db';

describe('contracts: large values compressed with lz4 (migration ContractsLz4)', () => {
  let db: TestDatabase;
  let tenantDb: TenantDb;
  const tenant = randomUUID();
  const id = randomUUID();
  // 30 KB of contract text that compresses (as real text does), with Finnish and Swedish letters in it.
  const text = Array.from(
    { length: 400 },
    (_, i) =>
      `${i + 1}. Vuokranantaja ja hyresvärden förbinder sig; the Supplier shall indemnify. `,
  ).join('\n');

  beforeAll(async () => {
    db = await createTestDatabase();
    tenantDb = new TenantDb(await createDataSource({ url: db.appUrl }).initialize());
    await new TenantsRepository(tenantDb).create(tenant, 'Pakkaus Oy');
    await new ContractsRepository(tenantDb).insert(tenant, {
      id,
      status: 'parsed',
      fileName: 'Lease.pdf',
      fileSize: 1,
      fileSha256: 'b'.repeat(64),
      mediaType: 'application/pdf',
      storageKey: `${tenant}/bb/${'b'.repeat(64)}`,
      text,
      evidence: { title: [{ text: text.slice(0, 5000), start: 0, end: 5000, page: 1 }] } as never,
    });
  });

  afterAll(async () => {
    await tenantDb.dataSource.destroy();
    await db.drop();
  });

  it('stores a new contract text and its evidence with lz4, and reads them back unchanged', async () => {
    const [row] = await queryOnce<{ text: string; c: string; e: string; bytes: number }>(
      db.url,
      `SELECT text, pg_column_compression(text) AS c, pg_column_compression(evidence) AS e,
              pg_column_size(text) AS bytes
         FROM contracts WHERE id = $1`,
      [id],
    );
    expect(row.c).toBe('lz4');
    expect(row.e).toBe('lz4');
    expect(row.bytes).toBeLessThan(Buffer.byteLength(text) / 2);
    expect(row.text).toBe(text);
    const read = await new ContractsRepository(tenantDb).getWithText(tenant, id);
    expect(read?.text).toBe(text);
  });
});
