import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Marks a value sealed by sealSecret (version 1: AES-256-GCM, 96-bit IV, 128-bit tag). */
export const SEALED_PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** True when `value` was written by sealSecret (an older plaintext value is not). */
export function isSealed(value: string): boolean {
  return value.startsWith(SEALED_PREFIX);
}

/**
 * Encrypts a small secret for storage with AES-256-GCM under a 32-byte key (deriveKey). `context` is bound
 * as associated data (e.g. the row's id), so a sealed value copied to another row does not open there.
 * Result: `enc:v1:<iv>.<tag>.<ciphertext>`, each part base64url.
 */
export function sealSecret(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
  return `${SEALED_PREFIX}${parts.join('.')}`;
}

/** Decrypts a sealSecret value; throws when it was tampered with, sealed for another context or key. */
export function openSecret(key: Buffer, sealed: string, context: string): string {
  if (!isSealed(sealed)) throw new Error('not a sealed secret');
  const [iv, tag, body] = sealed
    .slice(SEALED_PREFIX.length)
    .split('.')
    .map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !body || iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
    throw new Error('malformed sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
