import fs from 'node:fs';
import path from 'node:path';
import type { ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import request from 'supertest';
import { createInboundApp, type InboundApp } from '../../apps/inbound/src/inbound.factory';
import { signUp, waitForParsed, type SignedUp } from '../support/api-client';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { startTestServer, type TestServer } from '../support/test-server';

const SAMPLE = path.resolve(
  __dirname,
  '../../samples/contracts/DUOSTECHNOLOGIESGROUP_INC_04_21_2009-EX-10.1-STRATEGIC_ALLIANCE_AGREEMENT.pdf',
);
const DOMAIN = 'in.contract-bank.test';

describe('e-mail-in: real SMTP in, contracts made, a reply out', () => {
  let server: TestServer;
  let inbound: InboundApp;
  let smtp: SmtpCapture;
  let a: SignedUp;
  let b: SignedUp;

  beforeAll(async () => {
    // The test SMTP server receives what the product sends (the replies).
    smtp = await startSmtpCapture();
    server = await startTestServer({
      env: {
        SMTP_URL: smtp.url,
        INBOUND_DOMAIN: DOMAIN,
        INBOUND_SMTP_PORT: '0',
        MAX_UPLOAD_MB: '2',
      },
    });
    inbound = await createInboundApp(server.config, { host: '127.0.0.1' });
    [a, b] = await Promise.all([
      signUp(server.url, { company: 'Mail A Oy' }),
      signUp(server.url, { company: 'Mail B AB' }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await inbound?.close();
    await server?.close();
    await smtp?.close();
  });

  const auth = (s: SignedUp) => ({ Authorization: `Bearer ${s.token}` });
  const inboxOf = async (s: SignedUp) => {
    const res = await request(server.url).get('/v1/inbox').set(auth(s));
    expect(res.status).toBe(200);
    return res.body.address as string;
  };
  const send = (mail: nodemailer.SendMailOptions & { envelope?: { from: string; to: string } }) =>
    nodemailer
      .createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true })
      .sendMail(mail);
  const replyTo = (email: string, subject: RegExp): Promise<ParsedMail> =>
    smtp.waitFor(email, { subject, timeoutMs: 20_000 });
  const contracts = async (s: SignedUp) =>
    (await request(server.url).get('/v1/contracts').set(auth(s))).body.data as {
      id: string;
      tags: string[];
      file: { name: string };
    }[];

  it('gives each company its own secret address at INBOUND_DOMAIN', async () => {
    const [x, y] = [await inboxOf(a), await inboxOf(b)];
    expect(x).toMatch(new RegExp(`^[0-9a-f]{32}@${DOMAIN.replace(/\./g, '\\.')}$`));
    expect(y).not.toBe(x);
    expect(await inboxOf(a)).toBe(x); // stable until rotated
  });

  it('makes a contract tagged email of each PDF, DOCX or TXT attachment and replies with what it did', async () => {
    const address = await inboxOf(a);
    const info = await send({
      from: a.email,
      to: address,
      subject: 'Fwd: signed alliance agreement',
      text: 'Please file these.',
      attachments: [
        { filename: 'alliance.pdf', content: fs.readFileSync(SAMPLE) },
        {
          filename: 'side-letter.txt',
          content:
            'SIDE LETTER between Mail A Oy and Vendor AB. This letter is governed by the laws of Finland.\n',
        },
        { filename: 'logo.png', content: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
      ],
    });
    expect(info.accepted).toEqual([address]);

    const reply = await replyTo(a.email, /signed alliance agreement/);
    expect(reply.subject).toBe('Re: Fwd: signed alliance agreement');
    expect(reply.text).toMatch(/2 of 3 attachments became contracts/);
    expect(reply.text).toMatch(/alliance\.pdf: created http:\/\/\S+\/contracts\/[0-9a-f-]{36}/);
    expect(reply.text).toMatch(/logo\.png: The file is not a PDF, DOCX or plain-text document/);

    const mine = await contracts(a);
    const pdf = mine.find((c) => c.file.name === 'alliance.pdf')!;
    expect(pdf.tags).toEqual(['email']);
    expect(mine.find((c) => c.file.name === 'side-letter.txt')?.tags).toEqual(['email']);
    expect(mine.some((c) => c.file.name === 'logo.png')).toBe(false);
    const parsed = await waitForParsed(server.url, a.token, pdf.id);
    expect(['parsed', 'needs_review']).toContain(parsed.status);
    expect(await contracts(b)).toEqual([]);
  }, 120_000);

  it('says a file already in the bank is a duplicate, with its link', async () => {
    const before = (await contracts(a)).length;
    await send({
      from: a.email,
      to: await inboxOf(a),
      subject: 'Again the alliance',
      attachments: [{ filename: 'alliance again.pdf', content: fs.readFileSync(SAMPLE) }],
    });
    const reply = await replyTo(a.email, /Again the alliance/);
    expect(reply.text).toMatch(
      /alliance again\.pdf: already in the bank http:\/\/\S+\/contracts\//,
    );
    expect((await contracts(a)).length).toBe(before);
  });

  it('refuses an unknown address at RCPT', async () => {
    await expect(
      send({
        from: a.email,
        to: `${'0'.repeat(32)}@${DOMAIN}`,
        subject: 'x',
        text: 'x',
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      send({ from: a.email, to: `someone@elsewhere.example`, subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });

  it('creates nothing for a sender who is not a user of the company (not even of another)', async () => {
    const before = (await contracts(a)).length;
    await expect(
      send({
        from: b.email,
        to: await inboxOf(a),
        subject: 'from a stranger',
        attachments: [{ filename: 'x.txt', content: 'An agreement from a stranger.\n' }],
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
    expect((await contracts(a)).length).toBe(before);
    expect(smtp.received.some((m) => m.subject?.includes('from a stranger'))).toBe(false);
  });

  it('rotating the address (DELETE /v1/inbox) refuses the old one at once', async () => {
    const old = await inboxOf(a);
    const del = await request(server.url).delete('/v1/inbox').set(auth(a));
    expect(del.status).toBe(204);
    const fresh = await inboxOf(a);
    expect(fresh).not.toBe(old);
    await expect(send({ from: a.email, to: old, subject: 'old', text: 'x' })).rejects.toMatchObject(
      { responseCode: 550 },
    );
    const ok = await send({
      from: a.email,
      to: fresh,
      subject: 'new address works',
      attachments: [
        { filename: 'n.txt', content: 'A NEW AGREEMENT between Mail A Oy and Supplier AB.\n' },
      ],
    });
    expect(ok.accepted).toEqual([fresh]);
    expect((await replyTo(a.email, /new address works/)).text).toMatch(/n\.txt: created/);
  });

  it("replies in the company's e-mail language (the one its alerts use)", async () => {
    const put = await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a))
      .send({ language: 'fi' });
    expect(put.status).toBe(200);
    await send({
      from: a.email,
      to: await inboxOf(a),
      subject: 'Toimitussopimus liitteenä',
      attachments: [
        { filename: 'toimitus.txt', content: 'TOIMITUSSOPIMUS Mail A Oy ja Toimittaja Oy.\n' },
        { filename: 'kuva.png', content: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
      ],
    });
    const reply = await replyTo(a.email, /Toimitussopimus liitteenä/);
    expect(reply.text).toMatch(
      /^Liitteitä oli 2, joista 1 tallennettiin Contract Bankiin sopimukseksi\./,
    );
    expect(reply.text).toMatch(/toimitus\.txt: tallennettu http:\/\/\S+\/contracts\/[0-9a-f-]{36}/);
    expect(reply.text).toMatch(/kuva\.png: Tiedosto ei ole PDF-, DOCX- tai tekstitiedosto/);
    expect(reply.html).toContain('Avaa sopimus');
  });
});
