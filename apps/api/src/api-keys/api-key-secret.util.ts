import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_MARKER = 'cbk_';

/** `cbk_<prefix>_<secret>`: the prefix is shown in lists to tell keys apart; only the SHA-256 of the whole key is stored. */
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const prefix = randomBytes(4).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const key = `${API_KEY_MARKER}${prefix}_${secret}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_MARKER);
}
