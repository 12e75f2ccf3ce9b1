// From alert to decision, through the real web UI in Chromium against the API and the worker (in-process, real
// PostgreSQL, Redis and SMTP): the worker e-mails a finance director that a notice deadline is near; she follows
// the e-mail's link to the contract, downloads the filled-in notice letter, records "terminate" with the day
// notice was sent and sees the contract ending; when the next reminder day comes, the scan sends nothing more for
// that deadline (while a second, undecided contract of hers still gets its reminder), and the dashboard no longer
// lists the deadline. Screenshots go to test-results/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import { ScanAlerts } from '@cb/application';
import type { ParsedMail } from 'mailparser';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { signUp, waitForParsed, type SignedUp } from '../support/api-client';
import { confirmEmail } from '../support/confirm-email';
import { queryOnce } from '../support/database';
import { pdfText } from '../support/letter-text';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { startTestServer, type TestServer } from '../support/test-server';
import { WEB_DIST, ensureWebBuild } from '../support/web-build';

const ROOT = path.resolve(__dirname, '../..');
const SHOTS = path.join(ROOT, 'test-results/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DAY_MS = 86_400_000;
/** Where the e-mails' links point (APP_URL); the test follows their path on the test server. */
const APP_URL = 'https://app.contract-bank.test';
/** The tenant never chooses a time zone: its "today" is Helsinki's, and so is the browser's. */
const TENANT_TIMEZONE = 'Europe/Helsinki';
const RAW_KEY =
  /\b(app|nav|errors|contracts|detail|terms|deadlines|dashboard|decision)\.[a-z][A-Za-z]+(\.[A-Za-z_.]+)?\b/g;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The calendar date `days` after the tenant's today. */
function isoDaysFromToday(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: TENANT_TIMEZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
/** "12 January 2026", as a contract writes its dates. */
const contractDate = (iso: string) => {
  const [y, m, d] = parts(iso);
  return `${d} ${LONG_MONTHS[m - 1]} ${y}`;
};
/** "30 Jan 2027", as the notice sentence writes them. */
const sentenceDate = (iso: string) => {
  const [y, m, d] = parts(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};
const addDays = (iso: string, days: number) => {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

// The current yearly term ends 40 days from today (41 when that would make the term start on 29 February), with
// 30 days' notice: the notice deadline is 10 days away, so the 30-day reminder is due now and the 7-day one in
// three days.
const TERM_END = addDays(isoDaysFromToday(40), 1).endsWith('-02-29')
  ? isoDaysFromToday(41)
  : isoDaysFromToday(40);
const NOTICE_DEADLINE = addDays(TERM_END, -30);
const RENEWAL = addDays(TERM_END, 1);
const TERM_START = `${parts(RENEWAL)[0] - 3}${RENEWAL.slice(4)}`;
const DAYS_TO_NOTICE = Math.round(
  (Date.UTC(...ymd(NOTICE_DEADLINE)) - Date.UTC(...ymd(isoDaysFromToday(0)))) / DAY_MS,
);
/**
 * The subject of a notice alert sent today (the e-mail counts the days from the day it is sent), naming the
 * contract "Counterparty – Title".
 */
const noticeSubject = (heading: string) => `Notice deadline in ${DAYS_TO_NOTICE} days: ${heading}`;
function ymd(iso: string): [number, number, number] {
  const [y, m, d] = parts(iso);
  return [y, m - 1, d];
}

const contractText = (title: string, supplier: string) => `${title}

This ${title.toLowerCase()} (the "Agreement") is made and entered into as of ${contractDate(TERM_START)} (the "Effective Date") by and between Pohjola Metsä Oy ("Customer") and ${supplier} ("Supplier").

1. Term. This Agreement shall commence on the Effective Date and shall continue until ${contractDate(TERM_END)} (the "Initial Term"). Thereafter this Agreement shall automatically renew for successive periods of one (1) year unless either party gives written notice of non-renewal at least thirty (30) days before the end of the then-current term.

2. Fees. The Customer shall pay the Supplier the fees set out in the order form.
`;
const MASTER = {
  title: 'MASTER SERVICES AGREEMENT',
  supplier: 'Nordic Cloud Services AB',
  heading: 'Nordic Cloud Services AB – Master Services Agreement',
};
const HOSTING = {
  title: 'HOSTING SERVICES AGREEMENT',
  supplier: 'Baltic Data Centre AS',
  heading: 'Baltic Data Centre AS – Hosting Services Agreement',
};

describe('from the alert e-mail to a recorded decision (browser)', () => {
  let server: TestServer;
  let smtp: SmtpCapture;
  let browser: Browser;
  let page: Page;
  let director: SignedUp;
  let masterId = '';
  let hostingId = '';
  let alertMail: ParsedMail;
  const consoleErrors: string[] = [];

  async function shot(name: string) {
    // Every string comes from the catalogue: a raw message key on screen means a missing or broken lookup.
    expect((await page.locator('body').innerText()).match(RAW_KEY)).toBeNull();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }
  /** The date as the UI formats it (Intl in the browser's locale, calendar dates in UTC). */
  const uiDate = (iso: string) =>
    page.evaluate(
      (d) =>
        new Intl.DateTimeFormat(navigator.language, {
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(`${d}T00:00:00Z`)),
      iso,
    );
  /** The notice alerts e-mailed for one contract (its heading is in the subject), after the first `since`. */
  const noticeMails = (heading: string, since = 0) =>
    smtp
      .to(director.email)
      .slice(since)
      .filter((m) => m.subject === noticeSubject(heading));
  const noticeAlerts = (contractId: string) =>
    queryOnce<{ lead_days: number; status: string; deadline: string }>(
      server.db.url,
      `SELECT lead_days, status, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM alerts
        WHERE contract_id = $1 AND kind = 'notice' ORDER BY lead_days DESC`,
      [contractId],
    );
  async function upload(c: { title: string; supplier: string }, file: string): Promise<string> {
    const res = await request(server.url)
      .post('/v1/contracts')
      .set('Authorization', `Bearer ${director.token}`)
      .attach('file', Buffer.from(contractText(c.title, c.supplier)), file);
    expect(res.status).toBe(202);
    const parsed = await waitForParsed(server.url, director.token, res.body.id);
    expect(parsed).toMatchObject({
      status: 'parsed',
      counterparty: c.supplier,
      deadlines: {
        noticeDeadline: NOTICE_DEADLINE,
        nextRenewalDate: RENEWAL,
        noticeRenewalDate: RENEWAL,
      },
    });
    return res.body.id as string;
  }
  const timelineItem = (kind: string, contractId: string) =>
    page.locator(`.timeline-item.kind-${kind}`, {
      has: page.locator(`a[href="/contracts/${contractId}"]`),
    });

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    ensureWebBuild();
    smtp = await startSmtpCapture();
    server = await startTestServer({
      webDist: WEB_DIST,
      env: { SMTP_URL: smtp.url, APP_URL },
    });
    director = await signUp(server.url, {
      company: 'Pohjola Metsä Oy',
      name: 'Aino Virtanen',
      email: `cfo-${Date.now()}@pohjola.example`,
    });
    // Alerts go only to confirmed addresses: she follows the link e-mailed at sign-up first.
    await confirmEmail(server.url, smtp, director);
    // Two contracts of the same shape; the hosting one stays undecided and shows that reminders do go out.
    masterId = await upload(MASTER, 'msa.txt');
    hostingId = await upload(HOSTING, 'hosting.txt');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      headless: true,
    });
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'en-GB',
      timezoneId: TENANT_TIMEZONE,
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('the worker e-mails the notice deadline: what to do, what it stops, and a link to the contract', async () => {
    // A finished parse scans its tenant at once: the 30-day reminder of each contract goes out.
    alertMail = await smtp.waitFor(director.email, {
      subject: new RegExp(`^${noticeSubject(MASTER.heading)}$`),
      timeoutMs: 30_000,
    });
    await smtp.waitFor(director.email, {
      subject: new RegExp(`^${noticeSubject(HOSTING.heading)}$`),
      timeoutMs: 30_000,
    });
    expect(alertMail.text).toContain(
      `Give notice by ${NOTICE_DEADLINE} to stop the renewal on ${RENEWAL}`,
    );
    expect(alertMail.text).toContain(`${APP_URL}/contracts/${masterId}`);
    await expect(noticeAlerts(masterId)).resolves.toEqual([
      { lead_days: 30, status: 'sent', deadline: NOTICE_DEADLINE },
    ]);
  }, 60_000);

  it('follows the link, signs in and lands on the contract, named and worded as a person says it', async () => {
    const link = /https?:\/\/\S+\/contracts\/[0-9a-f-]{36}/.exec(alertMail.text ?? '')?.[0];
    expect(link).toBe(`${APP_URL}/contracts/${masterId}`);
    await page.goto(link!.replace(APP_URL, server.url));
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Work e-mail').fill(director.email);
    await page.getByLabel('Password').fill(director.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${server.url}/contracts/${masterId}`);
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Nordic Cloud Services AB – Master Services Agreement',
        exact: true,
      })
      .waitFor();
    const sentence = `Give notice by ${sentenceDate(NOTICE_DEADLINE)} to stop the renewal on ${sentenceDate(RENEWAL)} (renews for 1 year)`;
    await expect(page.getByTestId('notice-sentence').textContent()).resolves.toBe(sentence);
    await page
      .getByTestId('deadline-noticeDeadline')
      .getByText(await uiDate(NOTICE_DEADLINE))
      .waitFor();
    await expect(
      page.locator('.term-row[data-field="noticePeriod"] .term-value').textContent(),
    ).resolves.toBe('30 days');
    await page.getByTestId('decision-none').waitFor();
    await shot('40-decision-undecided');
  }, 60_000);

  it('downloads the notice letter: a PDF that names the counterparty and the contract', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download notice letter (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Nordic Cloud Services AB');
    expect(text).toContain('Pohjola Metsä Oy');
    expect(text).toMatch(/Master Services Agreement/i);
  }, 60_000);

  it('refuses an incomplete decision readably, then records terminate with notice sent: the contract is ending', async () => {
    const form = page.getByTestId('decision-form');
    await form.getByRole('button', { name: 'Record decision' }).click();
    await form.getByText('Choose renew, terminate or renegotiate.').waitFor();
    await form.getByLabel('Terminate').check();
    await form
      .getByText('Add the day notice was sent to end the contract', { exact: false })
      .waitFor();
    await form.getByLabel('Notice sent on').fill(isoDaysFromToday(1));
    await form.getByRole('button', { name: 'Record decision' }).click();
    await form.getByText('Notice cannot have been sent after today.').waitFor();
    await expect(form.getByLabel('Notice sent on').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );

    const today = isoDaysFromToday(0);
    await form.getByLabel('Notice sent on').fill(today);
    await form.getByLabel('Note').fill('Sent by registered mail, tracking RR123456789FI');
    const saved = page.waitForResponse(
      (r) =>
        r.request().method() === 'PUT' && r.url().endsWith(`/v1/contracts/${masterId}/decision`),
    );
    await form.getByRole('button', { name: 'Record decision' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByText('Decision recorded: no more alerts for this notice deadline.').waitFor();

    // Ending on the last day of the current term, with no renewal and no notice deadline left.
    await page
      .getByTestId('ending-on')
      .getByText(
        `Ending on ${await uiDate(TERM_END)}: notice of termination was sent on ${await uiDate(today)}. The contract does not renew.`,
      )
      .waitFor();
    const ending = page.getByTestId('deadline-expirationDate');
    await expect(ending.locator('dt').textContent()).resolves.toBe('Ending on');
    await ending.getByText(await uiDate(TERM_END)).waitFor();
    await expect(page.getByTestId('deadline-nextRenewalDate').count()).resolves.toBe(0);
    await expect(page.getByTestId('deadline-noticeDeadline').count()).resolves.toBe(0);
    await expect(page.getByTestId('notice-sentence').count()).resolves.toBe(0);
    const current = page.getByTestId('decision-current');
    await expect(current.getByTestId('decision-choice').textContent()).resolves.toBe('Terminate');
    await current
      .getByText(`Decision on the notice deadline of ${await uiDate(NOTICE_DEADLINE)}`)
      .waitFor();
    await expect(current.getByTestId('decision-notice-sent').textContent()).resolves.toBe(
      `Notice sent on ${await uiDate(today)}`,
    );
    await expect(current.getByTestId('decision-note').textContent()).resolves.toBe(
      'Sent by registered mail, tracking RR123456789FI',
    );
    await expect(current.getByTestId('decision-by').textContent()).resolves.toMatch(
      /^Decided by Aino Virtanen, /,
    );
    await expect(page.getByTestId('decision-form').count()).resolves.toBe(0);
    await shot('41-decision-terminated');

    // It holds after a reload: it is the server's state, not the page's.
    await page.reload();
    await page.getByTestId('ending-on').waitFor();
    await expect(page.getByTestId('decision-choice').textContent()).resolves.toBe('Terminate');
    // The activity names what happened in words, not as audit action codes.
    await page.getByText('Notice of termination sent: the contract ends').waitFor();
    await page.getByText('Decision recorded on the notice deadline').waitFor();
    await expect(page.getByText('contract.terminated').count()).resolves.toBe(0);

    // In the list: the ending contract says so; the undecided one says what to do.
    await page.goto(`${server.url}/contracts`);
    const row = (id: string) =>
      page.locator('.contracts-table tbody tr', {
        has: page.locator(`a[href="/contracts/${id}"]`),
      });
    await expect(row(masterId).getByTestId('list-ending-on').textContent()).resolves.toBe(
      `Ending on ${await uiDate(TERM_END)}`,
    );
    await expect(row(masterId).getByTestId('list-notice').textContent()).resolves.toBe('');
    await expect(row(hostingId).getByTestId('list-notice').textContent()).resolves.toBe(
      `Give notice by ${sentenceDate(NOTICE_DEADLINE)} to stop the renewal on ${sentenceDate(RENEWAL)} (renews for 1 year)`,
    );
    await expect(row(hostingId).locator('a.row-link').textContent()).resolves.toBe(
      'Baltic Data Centre AS – Hosting Services Agreement',
    );
    await shot('42-contracts-ending');
  }, 90_000);

  it('a decision taken back on the other contract: Undo (DELETE) brings the form back', async () => {
    await page.goto(`${server.url}/contracts/${hostingId}`);
    const form = page.getByTestId('decision-form');
    await form.getByLabel('Renegotiate').check();
    await form.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Decision recorded: no more alerts for this notice deadline.').waitFor();
    await expect(page.getByTestId('decision-choice').textContent()).resolves.toBe('Renegotiate');
    await expect(page.getByTestId('decision-notice-sent').textContent()).resolves.toBe(
      'Notice not sent yet',
    );
    // Renegotiating does not end the contract.
    await expect(page.getByTestId('ending-on').count()).resolves.toBe(0);
    await page.getByTestId('deadline-nextRenewalDate').waitFor();
    const undone = page.waitForResponse(
      (r) =>
        r.request().method() === 'DELETE' &&
        r.url().endsWith(`/v1/contracts/${hostingId}/decision`),
    );
    await page.getByRole('button', { name: 'Undo the decision' }).click();
    expect((await undone).status()).toBe(204);
    await page.getByText('Decision undone: the alerts for this notice deadline resume.').waitFor();
    await page.getByTestId('decision-form').waitFor();
    await page.getByTestId('decision-none').waitFor();
    const c = await request(server.url)
      .get(`/v1/contracts/${hostingId}`)
      .set('Authorization', `Bearer ${director.token}`);
    expect(c.body.decision).toBeNull();
  }, 60_000);

  it('when the 7-day reminder day comes, the decided deadline gets no alert; the undecided one does', async () => {
    const since = smtp.received.length;
    // The scheduled scan, as it runs on that day (the worker's scheduler is off in tests).
    await server
      .worker!.get(ScanAlerts)
      .execute(new Date(Date.now() + (DAYS_TO_NOTICE - 7) * DAY_MS + 60_000));
    // One tenant job records both contracts' alerts: once the hosting reminder is out, the master's scan is done.
    await smtp.waitFor(director.email, {
      subject: new RegExp(`^${noticeSubject(HOSTING.heading)}$`),
      since,
      timeoutMs: 30_000,
    });
    await expect(noticeAlerts(hostingId)).resolves.toEqual([
      { lead_days: 30, status: 'sent', deadline: NOTICE_DEADLINE },
      { lead_days: 7, status: 'sent', deadline: NOTICE_DEADLINE },
    ]);
    await expect(noticeAlerts(masterId)).resolves.toEqual([
      { lead_days: 30, status: 'sent', deadline: NOTICE_DEADLINE },
    ]);
    // Nothing in flight either: no notice mail for the terminated contract after the decision.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(noticeMails(MASTER.heading, since)).toEqual([]);
    expect(noticeMails(MASTER.heading)).toHaveLength(1);
  }, 60_000);

  it('the dashboard no longer lists the notice deadline, but the day the contract ends', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await timelineItem('notice', hostingId).waitFor();
    // The timeline names the contract and says what the notice deadline stops, as the e-mail does.
    await timelineItem('notice', hostingId).getByText(HOSTING.heading).waitFor();
    await expect(
      timelineItem('notice', hostingId).getByTestId('timeline-notice').textContent(),
    ).resolves.toMatch(/^Give notice by .+ to stop the renewal on .+ \(renews for 1 year\)$/);
    await expect(timelineItem('notice', masterId).count()).resolves.toBe(0);
    const end = timelineItem('expiration', masterId);
    await end.waitFor();
    await expect(end.locator('time').getAttribute('datetime')).resolves.toBe(TERM_END);
    await shot('43-dashboard-after-decision');
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
