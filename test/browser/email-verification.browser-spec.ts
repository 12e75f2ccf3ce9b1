// The e-mail verification flow in the real web UI (Chromium): a new sign-up sees the banner, asks for a new link,
// opens the link from the e-mail (real SMTP in-process), and the banner is gone; a used link reads as an error.
import { chromium, type Browser, type Page } from 'playwright-core';
import { signUp, type SignedUp } from '../support/api-client';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { startTestServer, type TestServer } from '../support/test-server';
import { WEB_DIST, ensureWebBuild } from '../support/web-build';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SUBJECT = /^Confirm your e-mail address/;

describe('e-mail verification in the browser', () => {
  let server: TestServer;
  let smtp: SmtpCapture;
  let browser: Browser;
  let page: Page;
  let owner: SignedUp;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    smtp = await startSmtpCapture();
    server = await startTestServer({
      worker: false,
      webDist: WEB_DIST,
      env: { SMTP_URL: smtp.url },
    });
    owner = await signUp(server.url, { company: 'Vahvistus Oy', name: 'Vera Virtanen' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      headless: true,
    });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(String(e)));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  const linkPath = (text: string | undefined) => {
    const m = /(\/verify-email\?token=\S+)/.exec(text ?? '');
    if (!m) throw new Error('no verification link in the e-mail');
    return m[1];
  };

  it('shows the banner to an unconfirmed user, resends, and the link confirms the address', async () => {
    await smtp.waitFor(owner.email, { subject: SUBJECT });
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Work e-mail').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    const banner = page.getByTestId('email-verification-banner');
    await banner.waitFor();
    expect((await banner.textContent())?.replace(/\s+/g, ' ')).toContain(
      `Confirm your e-mail address: we sent a link to ${owner.email}. Alerts are sent only to confirmed addresses.`,
    );
    const since = smtp.received.length;
    await banner.getByRole('button', { name: 'Resend' }).click();
    await banner.getByText(`A new link is on its way to ${owner.email}.`).waitFor();
    const mail = await smtp.waitFor(owner.email, { subject: SUBJECT, since });

    await page.goto(`${server.url}${linkPath(mail.text)}`);
    await page.getByText('Your e-mail address is confirmed. Alerts will be sent to it.').waitFor();
    await page.getByRole('link', { name: 'Continue to Contract Bank' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(await page.getByTestId('email-verification-banner').count()).toBe(0);

    // The same link again: a readable error, not a raw code.
    await page.goto(`${server.url}${linkPath(mail.text)}`);
    await page
      .getByText(
        'This confirmation link is not valid: it is unknown, already used or expired. Sign in and ask for a new link.',
      )
      .waitFor();
    // An incomplete link says so.
    await page.goto(`${server.url}/verify-email`);
    await page
      .getByText('This confirmation link is incomplete. Open the link from your e-mail again.')
      .waitFor();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
