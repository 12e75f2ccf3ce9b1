import { hkdfSync } from 'node:crypto';

/** The fewest bytes JWT_SECRET may have (HMAC-SHA256 keys should be at least as long as the hash). */
export const MIN_SECRET_BYTES = 32;

/**
 * Every JWT_SECRET value this repository has ever shipped in an example (docker/compose.yaml, docs, benches).
 * Anyone who reads the repository knows them, so production refuses them; test/security/secrets.spec.ts fails
 * when a file in the repository offers a value that is not refused.
 */
export const PLACEHOLDER_SECRETS: readonly string[] = Object.freeze([
  'change-me-to-a-long-random-secret-of-32-chars-or-more',
  'bench-secret-bench-secret-bench-secret-0000',
]);

const PLACEHOLDER_WORDS = /change-?me|placeholder|example|your[-_ ]?secret|replace[-_ ]?(me|this)/i;
/** A random secret of 32+ bytes has many distinct characters; 'x' * 32 or 'abababab...' does not. */
const MIN_DISTINCT_CHARS = 10;

/** Why this JWT_SECRET must not be used in production, or null when it may. */
export function jwtSecretProblem(secret: string): string | null {
  if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
    return `must be at least ${MIN_SECRET_BYTES} bytes`;
  }
  if (PLACEHOLDER_SECRETS.includes(secret) || PLACEHOLDER_WORDS.test(secret)) {
    return 'is a placeholder from the repository or its docs; generate one, e.g. `openssl rand -hex 32`';
  }
  if (new Set(secret).size < MIN_DISTINCT_CHARS) {
    return 'is not random (too few distinct characters); generate one, e.g. `openssl rand -hex 32`';
  }
  return null;
}

/** What a key derived from JWT_SECRET is for; each purpose gets its own key. */
export type KeyPurpose = 'access-token' | 'calendar-feed' | 'totp-secret' | 'sso-client-secret';

const derived = new Map<string, Buffer>();

/**
 * A 32-byte key for one purpose, derived from JWT_SECRET with HKDF-SHA256 (RFC 5869): an access token's
 * signature and a calendar feed's token never share a key, and knowing one key tells nothing of the other.
 */
export function deriveKey(secret: string, purpose: KeyPurpose): Buffer {
  const cacheKey = `${purpose}\u0000${secret}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = Buffer.from(
      hkdfSync('sha256', secret, 'contract-bank', `contract-bank/${purpose}/v1`, 32),
    );
    derived.set(cacheKey, key);
  }
  return key;
}
