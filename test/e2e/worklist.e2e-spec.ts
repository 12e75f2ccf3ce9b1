import request from 'supertest';
import { ScanAlerts } from '@cb/application';
import { addDays, tenantToday } from '@cb/domain';
import { signUp, waitForParsed, type SignedUp } from '../support/api-client';
import { confirmEmail } from '../support/confirm-email';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { startTestServer, type TestServer } from '../support/test-server';

const TEXT = (name: string) => `SERVICES AGREEMENT

This Services Agreement is entered into by and between ${name} Oy ("Customer") and Beta AB ("Supplier").

1. Term. This Agreement shall automatically renew for successive periods of one (1) year unless either party gives written notice of non-renewal at least thirty (30) days before the end of the then-current term.
`;

/** The fields a problem names (a field may carry several messages). */
const fieldsOf = (p: { errors: { field: string }[] }) => [...new Set(p.errors.map((e) => e.field))];

interface Row {
  contractId: string;
  date: string;
  counterparty?: string | null;
  ownerId?: string | null;
  renewalDate?: string | null;
  renewalTerm?: string | null;
  snoozedUntil?: string | null;
}

describe('the worklist: undecided notice deadlines ahead, their count, and snoozes', () => {
  let server: TestServer;
  let a: SignedUp;
  let b: SignedUp;
  let today: string;
  /** Notice deadline in 30 days. */
  let soon: string;
  /** Notice deadline in 200 days. */
  let later: string;
  /** Notice deadline 10 days ago (the renewal after it can no longer be stopped). */
  let passed: string;

  const auth = (s: SignedUp) => ({ Authorization: `Bearer ${s.token}` });
  const list = async (s: SignedUp, query: string) => {
    const res = await request(server.url).get(`/v1/deadlines?undecided=true${query}`).set(auth(s));
    expect(res.status).toBe(200);
    return res.body.data as Row[];
  };
  const summary = async (s: SignedUp, query = '') =>
    request(server.url).get(`/v1/deadlines/summary${query}`).set(auth(s));
  const snooze = (s: SignedUp, id: string, body: object = {}) =>
    request(server.url).post(`/v1/contracts/${id}/decision/snooze`).set(auth(s)).send(body);

  /** A contract whose current term ends `termEndIn` days from today, renewing yearly, 30 days' notice. */
  async function contract(name: string, termEndIn: number): Promise<string> {
    const up = await request(server.url)
      .post('/v1/contracts')
      .set(auth(a))
      .field('counterparty', `${name} Oy`)
      .field('title', 'SERVICES AGREEMENT')
      .attach('file', Buffer.from(TEXT(name)), `${name}.txt`);
    expect(up.status).toBe(202);
    await waitForParsed(server.url, a.token, up.body.id as string);
    const res = await request(server.url)
      .patch(`/v1/contracts/${up.body.id}`)
      .set(auth(a))
      .send({
        terms: {
          effectiveDate: addDays(today, termEndIn - 365),
          expirationDate: addDays(today, termEndIn),
          autoRenewal: true,
          renewalTerm: 'P1Y',
          noticePeriod: 'P30D',
        },
      });
    expect(res.status).toBe(200);
    return up.body.id as string;
  }

  let soonId: string;
  let laterId: string;
  let passedId: string;

  let smtp: SmtpCapture;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    server = await startTestServer({ env: { SMTP_URL: smtp.url } });
    [a, b] = await Promise.all([
      signUp(server.url, { company: 'Alpha Oy' }),
      signUp(server.url, { company: 'Other AB' }),
    ]);
    // Alerts go only to confirmed addresses; the snooze test expects the owner's alert to be recorded.
    await confirmEmail(server.url, smtp, a);
    today = tenantToday('Europe/Helsinki', new Date());
    soonId = await contract('Soon', 60);
    laterId = await contract('Later', 230);
    passedId = await contract('Passed', 20);
    soon = addDays(today, 30);
    later = addDays(today, 200);
    passed = addDays(today, -10);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('undecided=true alone lists the passed ones (as the spec says); a `to` reaches into the future', async () => {
    expect((await list(a, '')).map((r) => [r.contractId, r.date])).toEqual([[passedId, passed]]);
    const ahead = await list(a, `&to=${addDays(today, 365)}`);
    expect(ahead.map((r) => [r.contractId, r.date])).toEqual([
      [passedId, passed],
      [soonId, soon],
      [laterId, later],
    ]);
    expect(ahead[1]).toEqual({
      contractId: soonId,
      contractTitle: 'SERVICES AGREEMENT',
      kind: 'notice',
      date: soon,
      counterparty: 'Soon Oy',
      ownerId: null,
      language: 'en',
      renewalDate: addDays(today, 61),
      renewalTerm: 'P1Y',
      snoozedUntil: null,
    });
    // The passed one: the renewal it could have stopped is the next one, which now goes ahead.
    expect(ahead[0].renewalDate).toBe(addDays(today, 21));
    expect(
      (await list(a, `&from=${today}&to=${addDays(today, 90)}`)).map((r) => r.contractId),
    ).toEqual([soonId]);
    expect(await list(b, `&to=${addDays(today, 365)}`)).toEqual([]);
  });

  it('counts the undecided notice deadlines of the next 90 days, and those passed', async () => {
    const res = await summary(a);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      today,
      until: addDays(today, 90),
      undecidedUpcoming: 1,
      undecidedPassed: 1,
      snoozed: 0,
    });
    expect((await summary(a, '?days=365')).body.undecidedUpcoming).toBe(2);
    expect((await summary(b)).body).toMatchObject({ undecidedUpcoming: 0, undecidedPassed: 0 });
    for (const q of ['?days=0', '?days=400', '?days=soon']) {
      const bad = await summary(a, q);
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(bad.body)).toEqual(['days']);
    }
  });

  it('snooze a week: hidden from the worklist until then, still counted, audited; alerts go on', async () => {
    const res = await snooze(a, soonId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ contractId: soonId, deadline: soon, until: addDays(today, 7) });
    const to = `&to=${addDays(today, 90)}`;
    expect((await list(a, `${to}&snoozed=false`)).map((r) => r.contractId)).toEqual([passedId]);
    expect((await list(a, to)).find((r) => r.contractId === soonId)?.snoozedUntil).toBe(
      addDays(today, 7),
    );
    expect((await summary(a)).body).toMatchObject({ undecidedUpcoming: 1, snoozed: 1 });

    // A chosen day replaces the week; the audit shows old -> new.
    const again = await snooze(a, soonId, { until: addDays(today, 3) });
    expect(again.body.until).toBe(addDays(today, 3));
    const audit = (
      await request(server.url).get(`/v1/audit-events?contractId=${soonId}`).set(auth(a))
    ).body.data as { action: string; data: Record<string, unknown> }[];
    expect(audit.filter((e) => e.action === 'deadline.snoozed').map((e) => e.data)).toEqual([
      { deadline: soon, old: { until: addDays(today, 7) }, new: { until: addDays(today, 3) } },
      { deadline: soon, old: null, new: { until: addDays(today, 7) } },
    ]);

    // Only a decision stops alerts: the snoozed deadline's notice alert (30-day lead) is still recorded.
    await server.worker!.get(ScanAlerts).execute();
    const until = Date.now() + 30_000;
    let alerts: { contractId: string; kind: string; deadline: string; status: string }[] = [];
    while (Date.now() < until) {
      alerts = (await request(server.url).get('/v1/alerts').set(auth(a))).body.data;
      if (alerts.some((x) => x.contractId === soonId)) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(alerts.filter((x) => x.contractId === soonId && x.kind === 'notice')).toEqual(
      expect.arrayContaining([expect.objectContaining({ deadline: soon, leadDays: 30 })]),
    );
    expect(alerts.find((x) => x.contractId === soonId && x.kind === 'notice')?.status).not.toBe(
      'canceled',
    );
  });

  it('DELETE ends the snooze: the deadline is back on the worklist', async () => {
    const res = await request(server.url)
      .delete(`/v1/contracts/${soonId}/decision/snooze`)
      .set(auth(a));
    expect(res.status).toBe(204);
    expect(
      (await list(a, `&to=${addDays(today, 90)}&snoozed=false`)).map((r) => r.contractId),
    ).toEqual([passedId, soonId]);
    const audit = (
      await request(server.url).get(`/v1/audit-events?contractId=${soonId}`).set(auth(a))
    ).body.data as { action: string; data: Record<string, unknown> }[];
    expect(audit[0]).toMatchObject({
      action: 'deadline.snooze_ended',
      data: { deadline: soon, old: { until: addDays(today, 3) }, new: null },
    });
  });

  it('refuses a snooze day that is not after today, too far ahead or not a date (400 naming until)', async () => {
    for (const until of [today, addDays(today, -1), addDays(today, 91), '2027-02-30', 'soon', 7]) {
      const res = await snooze(a, soonId, { until });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(res.body)).toEqual(['until']);
    }
    expect((await snooze(a, soonId, { until: addDays(today, 90) })).status).toBe(200);
    const bad = await snooze(a, soonId, { until: addDays(today, 5), extra: true });
    expect(bad.status).toBe(400);
  });

  it('a decided deadline leaves the worklist and cannot be snoozed; one without a notice deadline neither (409)', async () => {
    const put = await request(server.url)
      .put(`/v1/contracts/${laterId}/decision`)
      .set(auth(a))
      .send({ decision: 'renew' });
    expect(put.status).toBe(200);
    expect((await list(a, `&to=${addDays(today, 365)}`)).map((r) => r.contractId)).not.toContain(
      laterId,
    );
    const decided = await snooze(a, laterId);
    expect(decided.status).toBe(409);
    expect(decided.headers['content-type']).toContain('application/problem+json');
    await request(server.url)
      .patch(`/v1/contracts/${laterId}`)
      .set(auth(a))
      .send({ terms: { autoRenewal: false } })
      .expect(200);
    expect((await snooze(a, laterId)).status).toBe(409);
  });

  it('another tenant gets 404; a read-only key gets 403', async () => {
    expect((await snooze(b, soonId)).status).toBe(404);
    expect(
      (await request(server.url).delete(`/v1/contracts/${soonId}/decision/snooze`).set(auth(b)))
        .status,
    ).toBe(404);
    const key = await request(server.url)
      .post('/v1/api-keys')
      .set(auth(a))
      .send({ name: 'read only', scopes: ['contracts:read', 'deadlines:read'] });
    expect(key.status).toBe(201);
    const reader = { Authorization: `Bearer ${key.body.key}` };
    expect(
      (await request(server.url).post(`/v1/contracts/${soonId}/decision/snooze`).set(reader))
        .status,
    ).toBe(403);
    expect((await request(server.url).get('/v1/deadlines/summary').set(reader)).status).toBe(200);
  });
});
