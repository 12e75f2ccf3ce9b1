import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { ContractsRepository } from '@cb/persistence';
import { createApplicationContext } from '../../../../test/support/application';
import {
  createTestDatabase,
  queryOnce,
  type TestDatabase,
} from '../../../../test/support/database';
import { testConfig } from '../../../../test/support/test-config';
import { clearRedisPrefix } from '../../../../test/support/test-server';
import { RecomputeDeadlines } from '../contract/recompute-deadlines.use-case';
import { ListDeadlines } from '../deadline/list-deadlines.use-case';
import { TenantCalendar } from './tenant-calendar.service';

// Around midnight UTC on 16/17 January 2026 it is already the 17th in Auckland (NZDT, UTC+13) and still the
// 16th in Los Angeles (PST, UTC-8), whichever side of midnight UTC is on.
const BEFORE_MIDNIGHT_UTC = new Date('2026-01-16T23:30:00Z');
const AFTER_MIDNIGHT_UTC = new Date('2026-01-17T00:30:00Z');

describe("every use case reckons 'today' in the tenant's own time zone", () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let config: ReturnType<typeof testConfig>;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig(db);
    app = await createApplicationContext(config);
  });
  afterAll(async () => {
    await app?.close();
    await clearRedisPrefix(config);
    await db?.drop();
  });

  async function tenantIn(timezone: string): Promise<string> {
    const tenantId = randomUUID();
    await queryOnce(db.url, `INSERT INTO tenants (id, name) VALUES ($1, $2)`, [tenantId, timezone]);
    await queryOnce(
      db.url,
      `INSERT INTO alert_settings (tenant_id, lead_days, recipients, timezone) VALUES ($1, '{30}', '{}', $2)`,
      [tenantId, timezone],
    );
    return tenantId;
  }

  /** An evergreen contract whose first term ends on 16 January 2026. */
  async function evergreen(tenantId: string) {
    return app.get(ContractsRepository).insert(tenantId, {
      id: randomUUID(),
      status: 'parsed',
      fileName: 'lease.txt',
      fileSize: 10,
      fileSha256: 'b'.repeat(64),
      mediaType: 'text/plain',
      storageKey: `${tenantId}/bb/${'b'.repeat(64)}`,
      userTerms: {
        effectiveDate: '2025-01-17',
        initialTerm: 'P1Y',
        autoRenewal: true,
        renewalTerm: 'P1Y',
      },
    });
  }

  it('the calendar: Auckland is on the 17th and Los Angeles on the 16th on both sides of midnight UTC', async () => {
    const auckland = await tenantIn('Pacific/Auckland');
    const losAngeles = await tenantIn('America/Los_Angeles');
    const calendar = app.get(TenantCalendar);
    for (const now of [BEFORE_MIDNIGHT_UTC, AFTER_MIDNIGHT_UTC]) {
      expect(await calendar.today(auckland, now)).toBe('2026-01-17');
      expect(await calendar.today(losAngeles, now)).toBe('2026-01-16');
    }
  });

  it('deadlines: the term that ends on the 16th is over in Auckland and current in Los Angeles', async () => {
    const auckland = await tenantIn('Pacific/Auckland');
    const losAngeles = await tenantIn('America/Los_Angeles');
    const recompute = app.get(RecomputeDeadlines);
    const contracts = app.get(ContractsRepository);
    for (const now of [BEFORE_MIDNIGHT_UTC, AFTER_MIDNIGHT_UTC]) {
      const inAuckland = await evergreen(auckland);
      const inLosAngeles = await evergreen(losAngeles);
      await recompute.execute(auckland, inAuckland, {}, {}, now);
      await recompute.execute(losAngeles, inLosAngeles, {}, {}, now);
      expect((await contracts.get(auckland, inAuckland.id))?.nextRenewalDate).toBe('2027-01-17');
      expect((await contracts.get(losAngeles, inLosAngeles.id))?.nextRenewalDate).toBe(
        '2026-01-17',
      );
    }
  });

  it('the deadline list starts at the tenant today by default', async () => {
    const auckland = await tenantIn('Pacific/Auckland');
    const losAngeles = await tenantIn('America/Los_Angeles');
    const list = app.get(ListDeadlines);
    for (const tenantId of [auckland, losAngeles]) {
      const contract = await evergreen(tenantId);
      await queryOnce(
        db.url,
        `INSERT INTO deadlines (tenant_id, contract_id, kind, date) VALUES ($1, $2, 'expiration', '2026-01-16')`,
        [tenantId, contract.id],
      );
    }
    for (const now of [BEFORE_MIDNIGHT_UTC, AFTER_MIDNIGHT_UTC]) {
      expect(await list.execute({ tenantId: auckland }, now)).toEqual([]);
      expect((await list.execute({ tenantId: losAngeles }, now)).map((d) => d.date)).toEqual([
        '2026-01-16',
      ]);
    }
  });
});
