import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { ContractsRepository, DeadlinesRepository, TenantsRepository } from '@cb/persistence';
import { createApplicationContext } from '../../../../test/support/application';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database';
import { testConfig } from '../../../../test/support/test-config';
import { clearRedisPrefix } from '../../../../test/support/test-server';
import { RecomputeDeadlines } from './recompute-deadlines.use-case';
import { RefreshPassedDeadlines } from './refresh-passed-deadlines.use-case';

describe('deadline refresh: passed deadlines roll forward to the current term', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext;
  const config = () => testConfig(db);
  let cfg: ReturnType<typeof config>;

  beforeAll(async () => {
    db = await createTestDatabase();
    cfg = config();
    worker = await createApplicationContext(cfg);
  });
  afterAll(async () => {
    await worker?.close();
    await clearRedisPrefix(cfg);
    await db?.drop();
  });

  it('moves an evergreen contract to its next notice deadline and renewal once the old ones pass', async () => {
    const tenantId = randomUUID();
    const id = randomUUID();
    await worker.get(TenantsRepository).create(tenantId, 'Evergreen Oy');
    const contracts = worker.get(ContractsRepository);
    const contract = await contracts.insert(tenantId, {
      id,
      status: 'parsed',
      fileName: 'evergreen.txt',
      fileSize: 10,
      fileSha256: 'a'.repeat(64),
      mediaType: 'text/plain',
      storageKey: `${tenantId}/aa/${'a'.repeat(64)}`,
    });
    const userTerms = {
      effectiveDate: '2020-01-01',
      initialTerm: 'P1Y',
      autoRenewal: true,
      renewalTerm: 'P1Y',
      noticePeriod: 'P30D',
    };
    // Computed when "today" was 2021-06-01 (in the tenant's zone, Europe/Helsinki by default).
    await worker
      .get(RecomputeDeadlines)
      .execute(tenantId, contract, { userTerms }, {}, new Date('2021-06-01T12:00:00Z'));
    const deadlines = worker.get(DeadlinesRepository);
    expect(
      (await deadlines.listBetween(tenantId, '2000-01-01', '2100-01-01')).map((d) => [
        d.kind,
        d.date,
      ]),
    ).toEqual([
      ['notice', '2021-12-01'],
      ['renewal', '2022-01-01'],
    ]);

    const handler = worker.get(RefreshPassedDeadlines);
    expect(await handler.execute(new Date('2022-03-01T12:00:00Z'))).toEqual({ refreshed: 1 });
    expect(
      (await deadlines.listBetween(tenantId, '2000-01-01', '2100-01-01')).map((d) => [
        d.kind,
        d.date,
      ]),
    ).toEqual([
      ['notice', '2022-12-01'],
      ['renewal', '2023-01-01'],
    ]);
    const after = await contracts.get(tenantId, id);
    expect(after).toMatchObject({ noticeDeadline: '2022-12-01', nextRenewalDate: '2023-01-01' });
    // Nothing passed any more: a second run has nothing to do.
    expect(await handler.execute(new Date('2022-03-01T12:00:00Z'))).toEqual({ refreshed: 0 });
  });
});
