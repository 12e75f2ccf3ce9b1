import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { signUp } from '../support/api-client';
import { verificationToken } from '../support/confirm-email';
import { queryOnce } from '../support/database';
import { startTestServer, type TestServer } from '../support/test-server';
import { CheckTrials } from '@cb/application';

describe('trials: reminder 3 days before the end, then expired with read access kept', () => {
  let smtp: SMTPServer;
  let server: TestServer;
  const received: ParsedMail[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          // Every sign-up also gets its e-mail verification link: these tests count the trial's mails. That mail
          // may already be in Finnish here: it is told by its link, not its subject.
          if (verificationToken(mail) === null) received.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    server = await startTestServer({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }, 60_000);

  const setTrialEnd = (tenantId: string, end: Date) =>
    queryOnce(server.db.url, 'UPDATE subscriptions SET trial_ends_at = $2 WHERE tenant_id = $1', [
      tenantId,
      end,
    ]);

  it('sends the owner one reminder, then expires the trial: reads work, writes answer 402', async () => {
    const owner = await signUp(server.url, { company: 'Trial Oy', name: 'Olli Owner' });
    const other = await signUp(server.url, { company: 'Fresh AB' });
    const handler = server.worker!.get(CheckTrials);
    const now = new Date();
    await setTrialEnd(owner.tenantId, new Date(now.getTime() + 2 * 86_400_000 + 3_600_000));

    expect(await handler.execute(now)).toEqual({ expired: 0, reminded: 1 });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toMatchObject({ text: owner.email });
    expect(received[0]!.subject).toBe('Your Contract Bank trial ends in 3 days');
    expect(received[0]!.text).toMatch(/Trial Oy/);
    expect(received[0]!.text).toMatch(/\/settings\/subscription/);
    // A second run the same day, or the next hour, sends nothing more; the fresh trial gets nothing.
    expect(await handler.execute(now)).toEqual({ expired: 0, reminded: 0 });
    expect(received.every((m) => (m.to as { text: string }).text !== other.email)).toBe(true);

    await setTrialEnd(owner.tenantId, new Date(now.getTime() - 60_000));
    expect(await handler.execute(now)).toEqual({ expired: 1, reminded: 0 });
    const auth = { Authorization: `Bearer ${owner.token}` };
    const sub = await request(server.url).get('/v1/subscription').set(auth);
    expect(sub.body.status).toBe('expired');
    expect((await request(server.url).get('/v1/contracts').set(auth)).status).toBe(200);
    const write = await request(server.url)
      .post('/v1/contracts')
      .set(auth)
      .attach('file', Buffer.from('An agreement.\n'), 'a.txt');
    expect(write.status).toBe(402);
    expect(write.body.code).toBe('subscription_required');
    // The other tenant is untouched.
    const fresh = await request(server.url)
      .get('/v1/subscription')
      .set({ Authorization: `Bearer ${other.token}` });
    expect(fresh.body.status).toBe('trialing');
  });

  it("writes the reminder in the tenant's e-mail language (Finnish here)", async () => {
    const owner = await signUp(server.url, { company: 'Metsä Oy', name: 'Aino Omistaja' });
    await request(server.url)
      .put('/v1/alert-settings')
      .set({ Authorization: `Bearer ${owner.token}` })
      .send({ language: 'fi' })
      .expect(200);
    const now = new Date();
    const end = new Date(now.getTime() + 2 * 86_400_000 + 3_600_000);
    await setTrialEnd(owner.tenantId, end);
    const before = received.length;
    expect(await server.worker!.get(CheckTrials).execute(now)).toMatchObject({
      reminded: 1,
    });
    const mail = received
      .slice(before)
      .find((m) => (m.to as { text: string }).text === owner.email)!;
    expect(mail.subject).toBe('Contract Bank -kokeilujaksosi päättyy 3 päivän kuluttua');
    const [y, m, d] = end.toISOString().slice(0, 10).split('-');
    expect(mail.text).toContain(
      `Organisaation Metsä Oy kokeilujakso päättyy ${Number(d)}.${Number(m)}.${y}.`,
    );
    expect(mail.html).toContain('<html lang="fi">');
  });
});
