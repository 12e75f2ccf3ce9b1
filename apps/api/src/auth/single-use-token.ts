import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 (hex) of a token: only this is stored, so a database leak gives no usable link. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new single-use link token with its hash (password resets `cbp_`, e-mail verifications `cbv_`): 32
 * random bytes, base64url, behind a prefix that tells what the token is for.
 */
export function newSingleUseToken(prefix: string): { token: string; tokenHash: string } {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashToken(token) };
}

/** Whether a stored single-use token may still be used: it exists, was never used and has not expired. */
export function isTokenUsable(
  row: { usedAt: Date | null; expiresAt: Date } | null,
  now = new Date(),
): row is { usedAt: null; expiresAt: Date } {
  return Boolean(row) && !row!.usedAt && row!.expiresAt.getTime() > now.getTime();
}
