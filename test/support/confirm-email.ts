import request from 'supertest';
import type { SignedUp } from './api-client';
import type { SmtpCapture } from './smtp-capture';

/**
 * Confirms a signed-up user's address with the link e-mailed at sign-up (the real flow): alerts go only to
 * confirmed addresses, so a test that expects alerts for a sign-up's owner confirms it first.
 */
export async function confirmEmail(url: string, smtp: SmtpCapture, user: SignedUp): Promise<void> {
  const mail = await smtp.waitFor(user.email, { subject: /^Confirm your e-mail address/ });
  const m = /\/verify-email\?token=(\S+)/.exec(mail.text ?? '');
  if (!m) throw new Error(`no verification link in the e-mail to ${user.email}`);
  const res = await request(url)
    .post('/v1/auth/verify-email')
    .send({ token: decodeURIComponent(m[1]) });
  if (res.status !== 204)
    throw new Error(`verify-email: ${res.status} ${JSON.stringify(res.body)}`);
}
