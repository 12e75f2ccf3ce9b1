import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { createDataSource } from './data-source.factory';
import { In } from 'typeorm';
import { ContractEntity, TenantEntity } from './entities';
import { entitiesFromRaw, findOneByValues, selectColumns } from './raw-rows';
import { ContractsRepository } from './repositories/contracts.repository';
import { TenantsRepository } from './repositories/tenants.repository';
import { TenantDb } from './tenant-db';

describe('entitiesFromRaw: the hydration of the contract list and the contract read', () => {
  let db: TestDatabase;
  let tenantDb: TenantDb;
  let contracts: ContractsRepository;
  const tenant = randomUUID();
  const full = randomUUID();
  const bare = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase();
    tenantDb = new TenantDb(await createDataSource({ url: db.appUrl }).initialize());
    contracts = new ContractsRepository(tenantDb);
    await new TenantsRepository(tenantDb).create(tenant, 'Raw rows Oy');
    const common = {
      fileSha256: 'a'.repeat(64),
      mediaType: 'application/pdf',
      storageKey: `${tenant}/aa/${'a'.repeat(64)}`,
    };
    // Every kind of column: bigint with a transformer, arrays, jsonb, dates kept as text, timestamps, nulls.
    await contracts.insert(tenant, {
      ...common,
      id: full,
      status: 'needs_review',
      fileName: 'Supply.pdf',
      fileSize: 9_007_199_254,
      title: 'Supply agreement',
      counterparty: 'Rubicon Oy',
      tags: ['supply', 'nordics'],
      pages: 12,
      ocrPages: [3, 4],
      extractedTerms: { title: 'Supply agreement', autoRenewal: true } as never,
      userTerms: { noticePeriodDays: 90 } as never,
      confidence: { title: 0.93 } as never,
      evidence: { title: [{ text: 'Supply agreement', start: 0, end: 16, page: 1 }] } as never,
      language: 'fi',
      reviewReasons: [{ code: 'low_confidence', field: 'title' }] as never,
      noticeDeadline: '2027-03-31',
      nextRenewalDate: '2027-06-30',
      expirationDate: '2029-12-31',
      decisionDeadline: '2027-03-31',
    });
    await contracts.insert(tenant, {
      ...common,
      id: bare,
      status: 'processing',
      fileName: 'Scan.pdf',
      fileSize: 1,
    });
  });

  afterAll(async () => {
    await tenantDb?.dataSource.destroy();
    await db?.drop();
  });

  it('gives the entities TypeORM gives, every column with its type, for whole rows and for a selection', async () => {
    await tenantDb.run(tenant, async (m) => {
      const selections: (readonly (keyof ContractEntity & string)[] | undefined)[] = [
        undefined,
        ['id', 'fileSize', 'tags', 'noticeDeadline', 'createdAt', 'userTerms'],
      ];
      for (const select of selections) {
        const rows: Record<string, unknown>[] = await m.query(
          `SELECT ${selectColumns(m, ContractEntity, 'c', select)}, 42 AS extra
             FROM contracts c ORDER BY c.file_name`,
        );
        const ours = entitiesFromRaw(m, ContractEntity, rows);
        const qb = m.createQueryBuilder(ContractEntity, 'c').orderBy('c.file_name');
        const typeorm = await (select ? qb.select(select.map((p) => `c.${p}`)) : qb).getMany();
        // toEqual: TypeORM leaves the unselected columns as undefined properties, these rows lack them.
        expect(ours).toEqual(typeorm);
        expect(ours).toHaveLength(2);
        expect(ours[0]).toBeInstanceOf(ContractEntity);
        expect(ours[0]).not.toHaveProperty('extra');
      }
    });
    const read = await contracts.get(tenant, full);
    expect(read?.fileSize).toBe(9_007_199_254);
    expect(read?.createdAt).toBeInstanceOf(Date);
    expect(read?.noticeDeadline).toBe('2027-03-31');
    expect(read?.ocrPages).toEqual([3, 4]);
    expect(read?.userTerms).toEqual({ noticePeriodDays: 90 });
    expect(read?.text).toBeUndefined();
    expect(await contracts.get(tenant, randomUUID())).toBeNull();
  });

  it('finds one row by plain values as TypeORM does, and leaves every other filter to TypeORM', async () => {
    await tenantDb.run(tenant, async (m) => {
      for (const where of [
        { tenantId: tenant, id: full },
        { tenantId: tenant, fileName: 'Scan.pdf' },
        { tenantId: tenant, id: randomUUID() },
      ]) {
        expect(await findOneByValues(m, ContractEntity, where)).toEqual(
          await m.findOne(ContractEntity, { where }),
        );
      }
      expect(await findOneByValues(m, ContractEntity, { id: full })).toBeInstanceOf(ContractEntity);
      expect(await findOneByValues(m, TenantEntity, { id: tenant })).toEqual(
        await m.findOne(TenantEntity, { where: { id: tenant } }),
      );
      // Operators, nulls, undefined (which TypeORM ignores), transformed columns and an empty filter.
      for (const where of [
        { id: In([full, bare]) },
        { title: null },
        { title: undefined },
        { fileSize: 1 },
        {},
      ]) {
        expect(findOneByValues(m, ContractEntity, where)).toBeUndefined();
      }
    });
  });
});
