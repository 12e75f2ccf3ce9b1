import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { ContractReview1796191588173 } from '../../../migrations/1796191588173-ContractReview';
import { ContractSearch1796240000000 } from '../../../migrations/1796240000000-ContractSearch';

/**
 * The review migration on data written before it: an auto-renewing contract that was shown as "parsed" without
 * a notice deadline goes to review with the reason; every other contract keeps its status.
 */
describe('migration ContractReview: contracts parsed before it', () => {
  let db: TestDatabase;
  let client: Client;
  const migration = new ContractReview1796191588173();
  // The migration only calls query(): a real pg connection answers it.
  const runner = () => ({ query: (sql: string) => client.query(sql) }) as unknown as QueryRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    // Back to the schema before it: first the later migration whose search columns read `language`.
    await new ContractSearch1796240000000().down(runner());
    await migration.down(runner());
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('sends an auto-renewing contract without a notice deadline to review, and nothing else', async () => {
    const tenantId = randomUUID();
    await client.query(`INSERT INTO tenants (id, name) VALUES ($1, 'Vanha Oy')`, [tenantId]);
    const insert = async (status: string, terms: object | null, notice: string | null) => {
      const id = randomUUID();
      await client.query(
        `INSERT INTO contracts (id, tenant_id, status, file_name, file_size, file_sha256, media_type,
           storage_key, terms, notice_deadline)
         VALUES ($1, $2, $3, 'c.pdf', 1, $4, 'application/pdf', $5, $6, $7)`,
        [id, tenantId, status, 'a'.repeat(64), `k/${id}`, terms, notice],
      );
      return id;
    };
    const noNotice = await insert('parsed', { autoRenewal: true, noticePeriod: null }, null);
    const noEnd = await insert('parsed', { autoRenewal: true, noticePeriod: 'P3M' }, null);
    const fine = await insert('parsed', { autoRenewal: true, noticePeriod: 'P3M' }, '2027-06-30');
    const fixedTerm = await insert('parsed', { autoRenewal: false, noticePeriod: null }, null);
    const failed = await insert('failed', null, null);

    await migration.up(runner());

    const rows = new Map(
      (
        await client.query<{ id: string; status: string; review_reasons: unknown[] }>(
          `SELECT id, status, review_reasons FROM contracts WHERE tenant_id = $1`,
          [tenantId],
        )
      ).rows.map((r) => [r.id, r]),
    );
    expect(rows.get(noNotice)).toMatchObject({
      status: 'needs_review',
      review_reasons: [
        {
          field: 'noticePeriod',
          code: 'no_notice_deadline',
          message: expect.stringMatching(/no notice period was read/),
        },
      ],
    });
    expect(rows.get(noEnd)).toMatchObject({
      status: 'needs_review',
      review_reasons: [{ field: 'expirationDate', code: 'no_notice_deadline' }],
    });
    for (const id of [fine, fixedTerm])
      expect(rows.get(id)).toMatchObject({ status: 'parsed', review_reasons: [] });
    expect(rows.get(failed)).toMatchObject({ status: 'failed', review_reasons: [] });
  });
});
