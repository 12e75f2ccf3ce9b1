// Bringing contracts in, through the real web UI in Chromium against the API and worker: drop a ZIP and its
// metadata CSV on the import page and read the outcome table (and download it), see an upload of a file
// already in the bank answered with a link to it, and see an amendment's change on its master's page.
import fs from 'node:fs';
import path from 'node:path';
import { craftZip } from '@cb/archive';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server';
import { WEB_DIST, ensureWebBuild } from '../support/web-build';

const ROOT = path.resolve(__dirname, '../..');
const SHOTS = path.join(ROOT, 'test-results/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const MASTER = `MASTER SERVICES AGREEMENT

This Master Services Agreement is entered into on 1 January 2024 by and between Pohjola Metsä Oy ("Customer") and Nordic Cloud Services AB ("Supplier").

1. Term. This Agreement shall commence on 1 January 2024 and shall continue for an initial term of three (3) years. Thereafter this Agreement shall automatically renew for successive periods of one (1) year unless either party gives written notice of non-renewal at least three (3) months before the end of the then-current term.
`;
const AMENDMENT = `AMENDMENT NO. 1 TO THE MASTER SERVICES AGREEMENT

This Amendment No. 1 to the Master Services Agreement is entered into by and between Pohjola Metsä Oy ("Customer") and Nordic Cloud Services AB ("Supplier") and is effective as of 1 March 2026.

1. Extension. The term of the Agreement is hereby extended, and the Agreement shall expire on 31 December 2029.
`;

describe('web UI: bringing contracts in (browser)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let token = '';
  const consoleErrors: string[] = [];
  const email = `intake-${Date.now()}@example.com`;
  const password = 'a sound password 2026';

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    ensureWebBuild();
    server = await startTestServer({ webDist: WEB_DIST });
    const signup = await fetch(`${server.url}/v1/signup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ company: 'Pohjola Metsä Oy', name: 'Aino Virtanen', email, password }),
    });
    token = ((await signup.json()) as { accessToken: string }).accessToken;
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
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Work e-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const api = (p: string, init: RequestInit = {}) =>
    fetch(`${server.url}${p}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
    });

  it('imports a dropped ZIP with its CSV: progress, the outcome table, and the table as CSV', async () => {
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import an archive' }).waitFor();
    const zip = craftZip([
      { name: 'Suppliers/cloud-msa.txt', data: Buffer.from(MASTER) },
      { name: 'Suppliers/logo.png', data: Buffer.from('89504e470d0a1a0a', 'hex') },
      { name: '../escape.txt', data: Buffer.from('climbing out') },
    ]);
    const csv = 'file;title;noticePeriod\nSuppliers/cloud-msa.txt;Cloud MSA;6 months\n';
    await page.setInputFiles('#import-zip', {
      name: 'archive.zip',
      mimeType: 'application/zip',
      buffer: zip,
    });
    await page.setInputFiles('#import-csv', {
      name: 'metadata.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByTestId('chosen-csv').getByText('metadata.csv').waitFor();
    await page.getByRole('button', { name: 'Start the import' }).click();
    const progress = page.locator('[data-testid="import-progress"][data-status="done"]');
    await progress.waitFor({ timeout: 90_000 });
    await page
      .getByTestId('import-summary')
      .getByText('Done. Created: 1 · already in the bank: 0 · failed: 2')
      .waitFor();
    const table = page.getByTestId('import-outcomes');
    await table
      .locator('tr[data-outcome="created"]', { hasText: 'Suppliers/cloud-msa.txt' })
      .waitFor();
    await table
      .locator('tr[data-outcome="failed"]', { hasText: 'Suppliers/logo.png' })
      .getByText(/not a PDF, DOCX or plain-text/)
      .waitFor();
    await table.locator('tr[data-outcome="failed"]', { hasText: '../escape.txt' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'intake-01-import-done.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    const saved = await download.path();
    const content = fs.readFileSync(saved!, 'utf8');
    expect(content.startsWith('\ufeffpath,outcome,contractId,contractStatus,message')).toBe(true);
    expect(content).toMatch(
      /Suppliers\/cloud-msa\.txt,created,[0-9a-f-]{36},(parsed|needs_review),/,
    );
    expect(content).toMatch(/Suppliers\/logo\.png,failed,,,/);

    // The created row links to its contract, which keeps the CSV's values as set by a person.
    await table.locator('tr[data-outcome="created"]').getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Cloud MSA' }).waitFor();
  }, 150_000);

  it('answers an upload of a file already in the bank with a link to it', async () => {
    await page.getByRole('link', { name: 'Upload', exact: true }).click();
    await page.setInputFiles('#file-input', {
      name: 'copy of the msa.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(MASTER),
    });
    const row = page.locator('.upload-row', { hasText: 'copy of the msa.txt' });
    await row.getByText('Already in the bank').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'intake-02-duplicate.png'), fullPage: true });
    await row.getByRole('link', { name: 'Open the contract' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cloud MSA' }).waitFor();
  }, 60_000);

  it("shows an amendment's change and its sentence on the master, after linking the suggestion", async () => {
    const list = (await (await api('/v1/contracts')).json()) as {
      data: { id: string; title: string }[];
    };
    const master = list.data.find((c) => c.title === 'Cloud MSA')!;
    const form = new FormData();
    form.append('file', new Blob([AMENDMENT], { type: 'text/plain' }), 'amendment-1.txt');
    const up = (await (await api('/v1/contracts', { method: 'POST', body: form })).json()) as {
      id: string;
    };
    await page.goto(`${server.url}/contracts/${up.id}`);
    const suggestion = page.getByTestId('parent-suggestion');
    await suggestion.waitFor({ timeout: 60_000 });
    await suggestion.getByText(/Amendment No\. 1 to the Master Services Agreement/i).waitFor();
    await suggestion.getByRole('button', { name: 'Link as its amendment' }).click();
    await page.getByTestId('family-card').getByText('This contract is an amendment.').waitFor();
    await page
      .getByTestId('family-card')
      .getByRole('link', { name: 'Open the master agreement' })
      .click();
    await page.waitForURL(new RegExp(`/contracts/${master.id}$`));
    const amendment = page.getByTestId('amendment');
    await amendment.getByText(/in force from/).waitFor();
    await amendment.getByText(/The term of the Agreement is hereby extended/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'intake-03-family.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
