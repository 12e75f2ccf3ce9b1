// The dashboard's "Decide by" worklist through the real web UI in Chromium against the API and worker:
// contracts with a notice deadline ahead show as items with the notice sentence; Renew, Snooze a week, Assign
// owner and Terminate (with the notice letter) each work from the dashboard and update it and its count.
import fs from 'node:fs';
import path from 'node:path';
import { addDays, tenantToday, wordingDate } from '@cb/domain';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { startTestServer, type TestServer } from '../support/test-server';
import { WEB_DIST, ensureWebBuild } from '../support/web-build';

const ROOT = path.resolve(__dirname, '../..');
const SHOTS = path.join(ROOT, 'test-results/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const text = (counterparty: string) => `SERVICES AGREEMENT

This Services Agreement is entered into by and between Pohjola Metsä Oy ("Customer") and ${counterparty} ("Supplier").

1. Term. This Agreement shall automatically renew for successive periods of one (1) year unless either party gives written notice of non-renewal at least thirty (30) days before the end of the then-current term.
`;

describe('web UI: the dashboard worklist (browser)', () => {
  let server: TestServer;
  let smtp: SmtpCapture;
  let browser: Browser;
  let page: Page;
  let token = '';
  let memberId = '';
  let today = '';
  const ids: Record<string, string> = {};
  const pageErrors: string[] = [];
  const email = `worklist-${Date.now()}@example.com`;
  const password = 'a sound password 2026';

  const api = (p: string, init: RequestInit = {}) =>
    fetch(`${server.url}${p}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(typeof init.body === 'string' ? { 'Content-Type': 'application/json' } : {}),
        ...(init.headers ?? {}),
      },
    });
  const json = async <T>(p: string, init: RequestInit = {}) => {
    const res = await api(p, init);
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  /** A parsed contract whose term ends `termEndIn` days from today: notice deadline 30 days before. */
  async function contract(counterparty: string, termEndIn: number): Promise<string> {
    const form = new FormData();
    form.set('file', new Blob([text(counterparty)], { type: 'text/plain' }), `${counterparty}.txt`);
    form.set('title', 'SERVICES AGREEMENT');
    form.set('counterparty', counterparty);
    const { id } = await json<{ id: string }>('/v1/contracts', { method: 'POST', body: form });
    for (let i = 0; ; i++) {
      const c = await json<{ status: string }>(`/v1/contracts/${id}`);
      if (c.status !== 'processing') break;
      if (i > 200) throw new Error('still processing');
      await new Promise((r) => setTimeout(r, 250));
    }
    await json(`/v1/contracts/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({
        terms: {
          effectiveDate: addDays(today, termEndIn - 365),
          expirationDate: addDays(today, termEndIn),
          autoRenewal: true,
          renewalTerm: 'P1Y',
          noticePeriod: 'P30D',
        },
      }),
    });
    return id;
  }

  const item = (counterparty: string): Locator =>
    page.getByTestId('worklist-item').filter({ hasText: counterparty });
  const count = () => page.getByTestId('worklist-count').textContent();
  const items = () => page.getByTestId('worklist-item').count();
  /** What `read` gives once the page has settled on `want` (lists load after their heading), else its last value. */
  const settled = async <T>(read: () => Promise<T>, want: T): Promise<T> => {
    const until = Date.now() + 20_000;
    let value = await read();
    while (value !== want && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      value = await read();
    }
    return value;
  };

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    ensureWebBuild();
    smtp = await startSmtpCapture();
    server = await startTestServer({
      webDist: WEB_DIST,
      env: { SMTP_URL: smtp.url, AUTH_RATE_LIMIT_PER_MINUTE: '1000' },
    });
    const signup = await fetch(`${server.url}/v1/signup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ company: 'Pohjola Metsä Oy', name: 'Aino Virtanen', email, password }),
    });
    token = ((await signup.json()) as { accessToken: string }).accessToken;
    today = tenantToday('Europe/Helsinki', new Date());

    // A second person to give a contract to.
    const memberEmail = `mikko-${Date.now()}@example.com`;
    await json('/v1/invitations', {
      method: 'POST',
      body: JSON.stringify({ email: memberEmail, role: 'member' }),
    });
    const mail = await smtp.waitFor(memberEmail);
    const invite = decodeURIComponent(/accept-invite\?token=(\S+)/.exec(mail.text ?? '')![1]!);
    const accepted = await fetch(`${server.url}/v1/invitations/accept`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: invite, name: 'Mikko Member', password }),
    });
    memberId = ((await accepted.json()) as { user: { id: string } }).user.id;

    ids.lakeside = await contract('Lakeside Retail Oy', 60);
    ids.cloud = await contract('Nordic Cloud AB', 75);
    ids.forest = await contract('Forest Data Oy', 50);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      headless: true,
    });
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'en-GB',
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Work e-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('lists each upcoming notice deadline as "Counterparty – Title" with what to do by when, and counts them', async () => {
    await page.getByTestId('worklist').getByRole('heading', { name: 'Decide by' }).waitFor();
    expect(await settled(items, 3)).toBe(3);
    expect(await settled(count, '3 undecided deadlines in the next 90 days')).toBe(
      '3 undecided deadlines in the next 90 days',
    );
    // Soonest first.
    await expect(
      page.getByTestId('worklist-item').evaluateAll((els) => els.map((e) => e.dataset.contractId)),
    ).resolves.toEqual([ids.forest, ids.lakeside, ids.cloud]);
    const lakeside = item('Lakeside Retail Oy');
    await lakeside.getByRole('link', { name: 'Lakeside Retail Oy – Services Agreement' }).waitFor();
    await expect(lakeside.getByTestId('worklist-wording').textContent()).resolves.toBe(
      `Give notice by ${wordingDate(addDays(today, 30))} to stop the renewal on ${wordingDate(addDays(today, 61))} (renews for 1 year)`,
    );
    await lakeside.getByText('in 30 days').waitFor();
    await page.getByTestId('worklist').screenshot({ path: path.join(SHOTS, 'worklist-01.png') });
  });

  it('Renew records the decision: the item leaves the worklist and the count drops', async () => {
    await item('Lakeside Retail Oy').getByRole('button', { name: 'Renew' }).click();
    await page
      .getByTestId('worklist-note')
      .getByText('Renewal recorded for Lakeside Retail Oy – Services Agreement.')
      .waitFor();
    await item('Lakeside Retail Oy').waitFor({ state: 'detached' });
    await page
      .getByTestId('worklist-count')
      .getByText('2 undecided deadlines in the next 90 days')
      .waitFor();
    const c = await json<{ decision: { decision: string; deadline: string } | null }>(
      `/v1/contracts/${ids.lakeside}`,
    );
    expect(c.decision).toMatchObject({ decision: 'renew', deadline: addDays(today, 30) });
  });

  it('Snooze a week hides the item until then (also after a reload); it still counts as undecided', async () => {
    await item('Nordic Cloud AB').getByRole('button', { name: 'Snooze a week' }).click();
    await page
      .getByTestId('worklist-note')
      .getByText(
        `Nordic Cloud AB – Services Agreement is snoozed until ${wordingDate(addDays(today, 7))}. The reminders still come.`,
      )
      .waitFor();
    await item('Nordic Cloud AB').waitFor({ state: 'detached' });
    await page.getByTestId('worklist-snoozed-count').getByText('1 snoozed').waitFor();
    expect(await settled(count, '2 undecided deadlines in the next 90 days')).toBe(
      '2 undecided deadlines in the next 90 days',
    );
    await page.reload();
    await page.getByTestId('worklist-item').first().waitFor();
    expect(await settled(items, 1)).toBe(1);
    const snoozed = await json<{ data: { contractId: string; snoozedUntil: string | null }[] }>(
      `/v1/deadlines?undecided=true&to=${addDays(today, 90)}`,
    );
    expect(snoozed.data.find((r) => r.contractId === ids.cloud)?.snoozedUntil).toBe(
      addDays(today, 7),
    );
  });

  it('Assign owner gives the contract to a team member from the dashboard', async () => {
    const picker = item('Forest Data Oy').getByLabel(
      'Owner of Forest Data Oy – Services Agreement',
    );
    await expect(picker.locator('option').allTextContents()).resolves.toEqual([
      'Unassigned',
      'Aino Virtanen (you)',
      'Mikko Member',
    ]);
    await picker.selectOption({ label: 'Mikko Member' });
    await page
      .getByTestId('worklist-note')
      .getByText('Forest Data Oy – Services Agreement is now owned by Mikko Member.')
      .waitFor();
    const c = await json<{ ownerId: string | null }>(`/v1/contracts/${ids.forest}`);
    expect(c.ownerId).toBe(memberId);
    await page.reload();
    await expect(
      item('Forest Data Oy')
        .getByLabel('Owner of Forest Data Oy – Services Agreement')
        .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent),
    ).resolves.toBe('Mikko Member');
  });

  it('Terminate records the decision, offers the notice letter, and "Notice sent today" ends the contract', async () => {
    await item('Forest Data Oy').getByRole('button', { name: 'Terminate' }).click();
    const panel = page.getByTestId('worklist-terminate');
    await panel
      .getByText(/^Termination recorded for Forest Data Oy – Services Agreement\./)
      .waitFor();
    await item('Forest Data Oy').waitFor({ state: 'detached' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download notice letter (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await panel.getByRole('button', { name: 'Notice sent today' }).click();
    await panel
      .getByText(
        `Notice of termination recorded: Forest Data Oy – Services Agreement ends on ${wordingDate(addDays(today, 50))}.`,
      )
      .waitFor();
    const c = await json<{ decision: { decision: string; noticeSentOn: string | null } }>(
      `/v1/contracts/${ids.forest}`,
    );
    expect(c.decision).toMatchObject({ decision: 'terminate', noticeSentOn: today });
    await page.getByTestId('worklist-empty').waitFor();
    expect(await settled(count, '1 undecided deadline in the next 90 days')).toBe(
      '1 undecided deadline in the next 90 days',
    );
    await page.getByTestId('worklist').screenshot({ path: path.join(SHOTS, 'worklist-02.png') });
    expect(pageErrors).toEqual([]);
  });
});
