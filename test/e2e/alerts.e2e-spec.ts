import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { ScanAlerts } from '@cb/application';
import { signUp, waitForParsed, type SignedUp } from '../support/api-client';
import { verificationToken } from '../support/confirm-email';
import { startTestServer, type TestServer } from '../support/test-server';

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

describe('alert settings, alert log and calendar feed over HTTP; the worker sends alerts end to end', () => {
  let server: TestServer;
  let owner: Client;
  const received: ParsedMail[] = [];
  // The e-mail verification links of sign-ups, kept apart: the tests below count alert mails.
  const confirmations: ParsedMail[] = [];
  let smtp: SMTPServer;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData: (stream, _s, cb) => {
        simpleParser(stream)
          .then((m) => {
            // Told by its link: a test may already have set the tenant's language to Finnish.
            if (verificationToken(m) !== null) confirmations.push(m);
            else received.push(m);
            cb();
          })
          .catch(cb);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    server = await startTestServer({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
    owner = new Client({ connectionString: server.db.url });
    await owner.connect();
  }, 60_000);

  afterAll(async () => {
    await owner?.end();
    await server?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const auth = (u: SignedUp) => ({ Authorization: `Bearer ${u.token}` });

  /** Confirms the user's address with the link e-mailed at sign-up: alerts go only to confirmed addresses. */
  async function confirmEmail(u: SignedUp): Promise<SignedUp> {
    const until = Date.now() + 15_000;
    let mail: ParsedMail | undefined;
    while (!(mail = confirmations.find((m) => JSON.stringify(m.to).includes(u.email))))
      if (Date.now() > until) throw new Error(`no verification e-mail to ${u.email}`);
      else await new Promise((r) => setTimeout(r, 100));
    const token = verificationToken(mail)!;
    await request(server.url).post('/v1/auth/verify-email').send({ token }).expect(204);
    return u;
  }
  const signUpConfirmed = async () => confirmEmail(await signUp(server.url));

  /** A parsed contract with one deadline, written as the owner (the parse pipeline is tested elsewhere). */
  async function seedContract(
    tenantId: string,
    kind: string,
    date: string,
    title = 'Office Lease',
  ) {
    const id = randomUUID();
    await owner.query(
      `INSERT INTO contracts (id, tenant_id, title, status, file_name, file_size, file_sha256, media_type, storage_key, terms)
       VALUES ($1, $2, $3, 'parsed', 'lease.pdf', 1, 'x', 'application/pdf', 'k', '{"autoRenewal": true, "renewalTerm": "P1Y"}')`,
      [id, tenantId, title],
    );
    await owner.query(
      `INSERT INTO deadlines (tenant_id, contract_id, kind, date) VALUES ($1, $2, $3, $4)`,
      [tenantId, id, kind, date],
    );
    return id;
  }

  it('alert settings: defaults, validation naming each field, replace, and per-tenant isolation', async () => {
    const a = await signUp(server.url);
    const b = await signUp(server.url);
    const initial = await request(server.url).get('/v1/alert-settings').set(auth(a));
    expect(initial.status).toBe(200);
    expect(initial.body).toEqual({
      leadDays: [90, 30, 7],
      recipients: [a.email],
      recipientsAreDefault: true,
      timezone: 'Europe/Helsinki',
      language: 'en',
    });

    const bad = await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a))
      .send({ leadDays: [30, 0, 30], timezone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'leadDays[1]',
      'leadDays[2]',
      'timezone',
    ]);
    const badEmail = await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a))
      .send({ recipients: ['not-an-email'] });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.errors[0].field).toBe('recipients');

    const put = await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a))
      .send({
        leadDays: [7, 60],
        recipients: ['Legal@Example.com', 'legal@example.com'],
        timezone: 'America/New_York',
      });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({
      leadDays: [60, 7],
      recipients: ['legal@example.com'],
      recipientsAreDefault: false,
      timezone: 'America/New_York',
      language: 'en',
    });
    expect((await request(server.url).get('/v1/alert-settings').set(auth(a))).body).toEqual(
      put.body,
    );
    // Tenant B is untouched.
    expect(
      (await request(server.url).get('/v1/alert-settings').set(auth(b))).body.leadDays,
    ).toEqual([90, 30, 7]);
    expect((await request(server.url).get('/v1/alert-settings')).status).toBe(401);
  });

  it('alert settings: the e-mail language round-trips, an unknown one is a 400 naming the field, and absent means English', async () => {
    const a = await signUp(server.url);
    const b = await signUp(server.url);
    const put = await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a))
      .send({ leadDays: [30], language: 'fi' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ leadDays: [30], language: 'fi' });
    expect((await request(server.url).get('/v1/alert-settings').set(auth(a))).body).toEqual(
      put.body,
    );
    const sv = await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a))
      .send({ leadDays: [30], language: 'sv' });
    expect(sv.body.language).toBe('sv');

    const bad = await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a))
      .send({ leadDays: [30], language: 'de' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['language']);
    // The bad request changed nothing.
    expect((await request(server.url).get('/v1/alert-settings').set(auth(a))).body.language).toBe(
      'sv',
    );

    // PUT replaces the settings: without a language, it is English again, like every other absent field.
    const reset = await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a))
      .send({ leadDays: [30] });
    expect(reset.body.language).toBe('en');
    // Tenant B never chose: English.
    expect((await request(server.url).get('/v1/alert-settings').set(auth(b))).body.language).toBe(
      'en',
    );
  });

  it('the worker scans, records and e-mails each due alert and the weekly digest once; the log lists it with cursor paging, per tenant', async () => {
    const a = await signUpConfirmed();
    const b = await signUp(server.url);
    await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a))
      .send({ leadDays: [30], timezone: 'UTC' })
      .expect(200);
    const today = new Date();
    const noticeDate = isoDate(new Date(today.getTime() + 10 * 86_400_000));
    const renewalDate = isoDate(new Date(today.getTime() + 20 * 86_400_000));
    const c1 = await seedContract(a.tenantId, 'notice', noticeDate, 'Office Lease');
    await seedContract(a.tenantId, 'renewal', renewalDate, 'Cloud Hosting');

    // One tick of the scheduler; the worker's processor does the rest (tenant job, then send jobs).
    await server.worker!.get(ScanAlerts).execute();
    await server.worker!.get(ScanAlerts).execute();
    const mine = () => received.filter((m) => JSON.stringify(m.to).includes(a.email.toLowerCase()));
    const until = Date.now() + 20_000;
    while (mine().length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500)); // room for a (wrong) duplicate to arrive
    // Two alerts and this week's digest, each once.
    expect(
      mine()
        .map((m) => m.subject)
        .sort(),
    ).toEqual([
      'Deadlines in the next 30 days: 2 deadlines',
      'Notice deadline in 10 days: Office Lease',
      'Renewal in 20 days: Cloud Hosting',
    ]);

    const page1 = await request(server.url).get('/v1/alerts?limit=1').set(auth(a));
    expect(page1.status).toBe(200);
    expect(page1.body.data).toHaveLength(1);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await request(server.url)
      .get(`/v1/alerts?limit=1&cursor=${encodeURIComponent(page1.body.nextCursor)}`)
      .set(auth(a));
    expect(page2.body.data).toHaveLength(1);
    expect(page2.body.nextCursor).toBeNull();
    const all = [...page1.body.data, ...page2.body.data];
    expect(new Set(all.map((x: { id: string }) => x.id)).size).toBe(2);
    expect(all.find((x: { contractId: string }) => x.contractId === c1)).toMatchObject({
      contractTitle: 'Office Lease',
      kind: 'notice',
      deadline: noticeDate,
      leadDays: 30,
      channel: 'email',
      recipient: a.email.toLowerCase(),
      status: 'sent',
      sentAt: expect.stringMatching(/Z$/),
    });
    expect((await request(server.url).get('/v1/alerts').set(auth(b))).body).toEqual({
      data: [],
      nextCursor: null,
    });
    expect((await request(server.url).get('/v1/alerts?cursor=nonsense').set(auth(a))).status).toBe(
      400,
    );
    expect((await request(server.url).get('/v1/alerts?limit=101').set(auth(a))).status).toBe(400);
  }, 40_000);

  it('the worker escalates a notice deadline that passed undecided once to the owner; the log shows it as channel escalation', async () => {
    const a = await signUpConfirmed();
    await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a))
      .send({ leadDays: [30], timezone: 'UTC', recipients: ['legal@example.com'] })
      .expect(200);
    const day = (n: number) => isoDate(new Date(Date.now() + n * 86_400_000));
    // The notice date passed 5 days ago; the next one is far outside every alert window.
    const id = await seedContract(a.tenantId, 'notice', day(300), 'Office Lease');
    await owner.query(
      `UPDATE contracts SET decision_deadline = $2, notice_deadline = $3, next_renewal_date = $4 WHERE id = $1`,
      [id, day(-5), day(300), day(60)],
    );
    for (let i = 0; i < 3; i++) await server.worker!.get(ScanAlerts).execute();
    const mine = () => received.filter((m) => JSON.stringify(m.to).includes(a.email.toLowerCase()));
    const until = Date.now() + 20_000;
    while (mine().length < 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500)); // room for a (wrong) duplicate to arrive
    expect(mine().map((m) => m.subject)).toEqual([
      `No decision: notice deadline ${day(-5)} passed – Office Lease`,
    ]);
    expect(received.filter((m) => JSON.stringify(m.to).includes('legal@example.com'))).toHaveLength(
      0,
    );
    const log = (await request(server.url).get('/v1/alerts').set(auth(a))).body.data;
    expect(log).toEqual([
      expect.objectContaining({
        contractId: id,
        contractTitle: 'Office Lease',
        kind: 'notice',
        deadline: day(-5),
        leadDays: -5,
        channel: 'escalation',
        recipient: a.email.toLowerCase(),
        status: 'sent',
      }),
    ]);
  });

  it('calendar: a secret feed URL, valid iCalendar with stable UIDs and links, revocable, per tenant', async () => {
    const a = await signUp(server.url);
    const b = await signUp(server.url);
    const contractId = await seedContract(a.tenantId, 'notice', '2027-01-30', 'Office Lease');
    await seedContract(b.tenantId, 'notice', '2027-02-01', 'Tenant B Secret Deal');

    const first = await request(server.url).get('/v1/calendar').set(auth(a));
    expect(first.status).toBe(200);
    expect(first.body.url).toMatch(/\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
    // The same URL every time until revoked; the token itself is not stored.
    expect((await request(server.url).get('/v1/calendar').set(auth(a))).body.url).toBe(
      first.body.url,
    );
    const { rows } = await owner.query(
      `SELECT token_hash FROM calendar_feeds WHERE tenant_id = $1`,
      [a.tenantId],
    );
    expect(rows).toHaveLength(1);
    expect(first.body.url).not.toContain(rows[0].token_hash);

    const path = new URL(first.body.url).pathname;
    const feed = await request(server.url).get(path); // no Authorization: the URL is the credential
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    // Long lines are folded (CRLF + space); unfold to read values.
    const ics = feed.text;
    const unfolded = ics.replace(/\r\n /g, '');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:/);
    expect(ics).toContain(`UID:notice-${contractId}@contract-bank`);
    expect(ics).toContain('DTSTART;VALUE=DATE:20270130');
    expect(ics).toContain('SUMMARY:Notice deadline: Office Lease');
    // A display reminder at each of the tenant's lead days (the defaults: 90, 30 and 7).
    const event = ics.slice(ics.indexOf(`UID:notice-${contractId}`), ics.indexOf('END:VEVENT'));
    expect(event.match(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-P\d+D/g)).toHaveLength(3);
    for (const lead of [90, 30, 7]) expect(event).toContain(`TRIGGER:-P${lead}D\r\n`);
    expect(unfolded).toContain(`URL;VALUE=URI:${server.config.appUrl}/contracts/${contractId}`);
    expect(ics).not.toContain('Tenant B Secret Deal');
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    // Lines are folded to at most 75 octets (RFC 5545 3.1).
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);

    // A moved deadline keeps its UID (the calendar moves the event).
    await owner.query(`UPDATE deadlines SET date = '2027-01-25' WHERE contract_id = $1`, [
      contractId,
    ]);
    const moved = (await request(server.url).get(path)).text;
    expect(moved).toContain(`UID:notice-${contractId}@contract-bank`);
    expect(moved).toContain('DTSTART;VALUE=DATE:20270125');

    expect(
      (await request(server.url).get('/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics'))
        .status,
    ).toBe(404);
    expect((await request(server.url).delete('/v1/calendar').set(auth(a))).status).toBe(204);
    expect((await request(server.url).get(path)).status).toBe(404);
    const renewed = await request(server.url).get('/v1/calendar').set(auth(a));
    expect(renewed.body.url).not.toBe(first.body.url);
    expect((await request(server.url).get(new URL(renewed.body.url).pathname)).status).toBe(200);
    expect((await request(server.url).get('/v1/calendar')).status).toBe(401);
  });

  it('calendar: a notice deadline event says what the notice stops, under "Counterparty – Title"', async () => {
    const a = await signUp(server.url);
    const contractId = await seedContract(
      a.tenantId,
      'notice',
      '2027-01-30',
      'MASTER SERVICES AGREEMENT',
    );
    await owner.query(
      `UPDATE contracts SET counterparty = 'Acme Oy', notice_deadline = '2027-01-30', notice_renewal_date = '2027-03-01'
        WHERE id = $1`,
      [contractId],
    );
    const { url } = (await request(server.url).get('/v1/calendar').set(auth(a))).body as {
      url: string;
    };
    const unfolded = (await request(server.url).get(new URL(url).pathname)).text.replace(
      /\r\n /g,
      '',
    );
    expect(unfolded).toContain('SUMMARY:Notice deadline: Acme Oy – Master Services Agreement\r\n');
    expect(unfolded).toContain(
      'DESCRIPTION:Give notice by 30 Jan 2027 to stop the renewal on 1 Mar 2027 (renews for 1 year)\\n\\nOpen the contract:',
    );
  });

  it('webhooks: create (secret shown once), list, delete; private targets and bad events refused; per tenant', async () => {
    const a = await signUp(server.url);
    const b = await signUp(server.url);
    for (const url of [
      'http://127.0.0.1:9/hook',
      'http://[::1]/hook',
      'http://169.254.169.254/latest',
      'https://localhost/x',
      'http://10.0.0.1/x',
    ]) {
      const refused = await request(server.url)
        .post('/v1/webhooks')
        .set(auth(a))
        .send({ url, events: ['deadline.upcoming'] });
      expect({ url, status: refused.status, field: refused.body.errors?.[0]?.field }).toEqual({
        url,
        status: 400,
        field: 'url',
      });
    }
    const badEvents = await request(server.url)
      .post('/v1/webhooks')
      .set(auth(a))
      .send({ url: 'https://93.184.216.34/hook', events: ['contract.exploded'] });
    expect(badEvents.status).toBe(400);
    expect(badEvents.body.errors[0].field).toBe('events');

    const created = await request(server.url)
      .post('/v1/webhooks')
      .set(auth(a))
      .send({
        url: 'https://93.184.216.34/hook',
        events: ['deadline.upcoming', 'contract.parsed'],
      });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      url: 'https://93.184.216.34/hook',
      events: ['deadline.upcoming', 'contract.parsed'],
      createdAt: expect.stringMatching(/Z$/),
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
    });
    const list = await request(server.url).get('/v1/webhooks').set(auth(a));
    expect(list.body.data).toEqual([
      {
        id: created.body.id,
        url: created.body.url,
        events: created.body.events,
        createdAt: created.body.createdAt,
      },
    ]);
    expect((await request(server.url).get('/v1/webhooks').set(auth(b))).body.data).toEqual([]);
    expect(
      (await request(server.url).delete(`/v1/webhooks/${created.body.id}`).set(auth(b))).status,
    ).toBe(404);
    expect(
      (await request(server.url).delete(`/v1/webhooks/${created.body.id}`).set(auth(a))).status,
    ).toBe(204);
    expect(
      (await request(server.url).delete(`/v1/webhooks/${created.body.id}`).set(auth(a))).status,
    ).toBe(404);
    expect((await request(server.url).delete('/v1/webhooks/not-a-uuid').set(auth(a))).status).toBe(
      400,
    );
  });
  it('a correction that makes a deadline due sends its alert within seconds, without waiting for the scheduled scan', async () => {
    const a = await signUpConfirmed();
    await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a))
      .send({ leadDays: [30], timezone: 'UTC' })
      .expect(200);
    const id = await seedContract(a.tenantId, 'expiration', '2031-01-01', 'Warehouse Lease');
    await owner.query(`DELETE FROM deadlines WHERE contract_id = $1`, [id]);
    // The finance director corrects the dates: the term ends in 40 days, notice 30 days before: due in 10 days.
    const end = isoDate(new Date(Date.now() + 40 * 86_400_000));
    const patched = await request(server.url)
      .patch(`/v1/contracts/${id}`)
      .set(auth(a))
      .send({
        terms: { expirationDate: end, autoRenewal: true, renewalTerm: 'P1Y', noticePeriod: 'P30D' },
      });
    expect(patched.status).toBe(200);
    const noticeDeadline = patched.body.deadlines.noticeDeadline as string;
    expect(noticeDeadline).toBe(isoDate(new Date(Date.parse(end) - 30 * 86_400_000)));
    const mine = () => received.filter((m) => JSON.stringify(m.to).includes(a.email.toLowerCase()));
    const until = Date.now() + 20_000;
    while (
      mine().filter((m) => m.subject?.startsWith('Notice deadline')).length < 1 &&
      Date.now() < until
    )
      await new Promise((r) => setTimeout(r, 100));
    const notice = mine().filter((m) => m.subject?.startsWith('Notice deadline'));
    expect(notice.map((m) => m.subject)).toEqual(['Notice deadline in 10 days: Warehouse Lease']);
    // The capture holds the message as soon as the SMTP server took it, a moment before the worker has the
    // server's answer and records the alert as sent (a clean-clone CI run read it still pending).
    const alertLog = async () => request(server.url).get('/v1/alerts').set(auth(a));
    let log = await alertLog();
    const recordedBy = Date.now() + 10_000;
    while (
      (log.body.data as { contractId: string; status: string }[]).some(
        (x) => x.contractId === id && x.status === 'pending',
      ) &&
      Date.now() < recordedBy
    ) {
      await new Promise((r) => setTimeout(r, 100));
      log = await alertLog();
    }
    expect(log.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          contractId: id,
          kind: 'notice',
          deadline: noticeDeadline,
          leadDays: 30,
          status: 'sent',
        }),
      ]),
    );
  });
  it('a contract uploaded with a notice deadline already inside the lead time is alerted as soon as it is parsed', async () => {
    const a = await signUpConfirmed();
    // A one-year lead: the sample renews every year, so its next notice deadline is always inside it.
    await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a))
      .send({ leadDays: [365], timezone: 'UTC' })
      .expect(200);
    const pdf = fs.readFileSync(
      path.resolve(
        __dirname,
        '../../samples/contracts/DUOSTECHNOLOGIESGROUP_INC_04_21_2009-EX-10.1-STRATEGIC_ALLIANCE_AGREEMENT.pdf',
      ),
    );
    const up = await request(server.url)
      .post('/v1/contracts')
      .set(auth(a))
      .attach('file', pdf, 'duos.pdf');
    expect(up.status).toBe(202);
    const parsed = (await waitForParsed(server.url, a.token, up.body.id)) as {
      deadlines: { noticeDeadline: string | null };
    };
    expect(parsed.deadlines.noticeDeadline).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
    const mine = () =>
      received.filter(
        (m) =>
          JSON.stringify(m.to).includes(a.email.toLowerCase()) &&
          m.subject?.startsWith('Notice deadline'),
      );
    const until = Date.now() + 20_000;
    while (mine().length < 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(mine()).toHaveLength(1);
    expect(mine()[0]!.text).toContain(`/contracts/${up.body.id}`);
  }, 60_000);

  it('alerts and digests go only to confirmed addresses: an unconfirmed user is skipped, an external recipient is not', async () => {
    const a = await signUp(server.url); // not confirmed yet
    const external = `legal-${a.tenantId.slice(0, 8)}@partner-firm.example`;
    await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a))
      .send({ leadDays: [30], timezone: 'UTC', recipients: [a.email, external] })
      .expect(200);
    const noticeDate = isoDate(new Date(Date.now() + 10 * 86_400_000));
    const contractId = await seedContract(a.tenantId, 'notice', noticeDate, 'Unconfirmed Lease');
    const to = (email: string, subject: string) =>
      received.filter(
        (m) => JSON.stringify(m.to).includes(email.toLowerCase()) && m.subject?.startsWith(subject),
      );
    const waitFor = async (email: string, subject: string) => {
      const until = Date.now() + 20_000;
      while (to(email, subject).length < 1 && Date.now() < until)
        await new Promise((r) => setTimeout(r, 100));
    };

    await server.worker!.get(ScanAlerts).execute();
    await waitFor(external, 'Notice deadline');
    await waitFor(external, 'Deadlines in the next');
    await new Promise((r) => setTimeout(r, 500)); // room for a (wrong) mail to the owner to arrive
    expect(to(external, 'Notice deadline').map((m) => m.subject)).toEqual([
      'Notice deadline in 10 days: Unconfirmed Lease',
    ]);
    expect(to(external, 'Deadlines in the next')).toHaveLength(1);
    // Nothing at all went to the unconfirmed owner: no alert, no digest, and no alert row was recorded.
    expect(received.filter((m) => JSON.stringify(m.to).includes(a.email.toLowerCase()))).toEqual(
      [],
    );
    const recorded = async () =>
      (
        await owner.query<{ recipient: string }>(
          `SELECT recipient FROM alerts WHERE tenant_id = $1 AND contract_id = $2 ORDER BY recipient`,
          [a.tenantId, contractId],
        )
      ).rows.map((r) => r.recipient);
    expect(await recorded()).toEqual([external]);
    expect((await request(server.url).get('/v1/me').set(auth(a))).body.emailVerified).toBe(false);

    // Once confirmed, the owner gets the alert still due at the next run (the external one is not repeated).
    await confirmEmail(a);
    expect((await request(server.url).get('/v1/me').set(auth(a))).body.emailVerified).toBe(true);
    await server.worker!.get(ScanAlerts).execute();
    await waitFor(a.email, 'Notice deadline');
    await new Promise((r) => setTimeout(r, 500));
    expect(to(a.email, 'Notice deadline').map((m) => m.subject)).toEqual([
      'Notice deadline in 10 days: Unconfirmed Lease',
    ]);
    expect(to(external, 'Notice deadline')).toHaveLength(1);
    expect(await recorded()).toEqual([external, a.email.toLowerCase()].sort());
  }, 60_000);
});
