import request from 'supertest';
import type { SignedUp } from './api-client';
import type { SmtpCapture } from './smtp-capture';

const VERIFICATION_LINK = /\/verify-email\?token=(\S+)/;

/**
 * The token of a sign-up's e-mail verification mail, or null for any other mail. Told by its link: the mail is in
 * the tenant's language as it is when the mail is sent.
 */
export function verificationToken(mail: { text?: string }): string | null {
  const m = VERIFICATION_LINK.exec(mail.text ?? '');
  return m ? decodeURIComponent(m[1]) : null;
}

/**
 * Confirms a signed-up user's address with the link e-mailed at sign-up (the real flow): alerts go only to
 * confirmed addresses, so a test that expects alerts for a sign-up's owner confirms it first.
 */
export async function confirmEmail(url: string, smtp: SmtpCapture, user: SignedUp): Promise<void> {
  const mail = await smtp.waitFor(user.email, { subject: /^Confirm your e-mail address/ });
  const token = verificationToken(mail);
  if (!token) throw new Error(`no verification link in the e-mail to ${user.email}`);
  const res = await request(url).post('/v1/auth/verify-email').send({ token });
  if (res.status !== 204)
    throw new Error(`verify-email: ${res.status} ${JSON.stringify(res.body)}`);
}
