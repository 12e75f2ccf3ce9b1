import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

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
export type KeyPurpose = 'access-token' | 'calendar-feed' | 'sso-client-secret';

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

const SEALED_PREFIX = 'v1.';

/**
 * Encrypts a secret for storage (AES-256-GCM under a key derived from JWT_SECRET for `purpose`):
 * `v1.<iv>.<tag>.<ciphertext>` in base64url. `context` (e.g. the tenant id) is bound as associated data, so a
 * sealed value copied to another row does not open.
 */
export function sealSecret(
  secret: string,
  purpose: KeyPurpose,
  plaintext: string,
  context: string,
): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(secret, purpose), iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return (
    SEALED_PREFIX + [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.')
  );
}

/** Decrypts what sealSecret wrote; null when it cannot (another JWT_SECRET, another context, tampered). */
export function openSecret(
  secret: string,
  purpose: KeyPurpose,
  sealed: string,
  context: string,
): string | null {
  if (!sealed.startsWith(SEALED_PREFIX)) return null;
  const parts = sealed.slice(SEALED_PREFIX.length).split('.');
  if (parts.length !== 3) return null;
  try {
    const [iv, tag, data] = parts.map((p) => Buffer.from(p, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(secret, purpose), iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
