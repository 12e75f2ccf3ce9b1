import { randomBytes } from 'node:crypto';
import { loadConfig } from './app-config';
import { openSecret as openWithKey, sealSecret as sealWithKey } from './secret-box';
import { deriveKey, jwtSecretProblem, PLACEHOLDER_SECRETS, type KeyPurpose } from './secret-policy';

// The SSO client secret is sealed with the secret box under its own HKDF key (sso-settings.service.ts).
const sealSecret = (secret: string, purpose: KeyPurpose, plaintext: string, context: string) =>
  sealWithKey(deriveKey(secret, purpose), plaintext, context);
const openSecret = (secret: string, purpose: KeyPurpose, sealed: string, context: string) => {
  try {
    return openWithKey(deriveKey(secret, purpose), sealed, context);
  } catch {
    return null;
  }
};

describe('JWT_SECRET in production', () => {
  const production = (JWT_SECRET: string) =>
    loadConfig({ NODE_ENV: 'production', STORAGE_DIR: '/tmp/cb-config-spec', JWT_SECRET });

  it('starts with 32+ random bytes', () => {
    expect(() => production(randomBytes(32).toString('hex'))).not.toThrow();
    expect(() => production(randomBytes(32).toString('base64'))).not.toThrow();
    expect(jwtSecretProblem('correct horse battery staple spring lake')).toBeNull();
  });

  it.each(PLACEHOLDER_SECRETS)(
    'refuses the placeholder shipped in the repository: %s',
    (secret) => {
      expect(() => production(secret)).toThrow(/JWT_SECRET: is a placeholder/);
    },
  );

  it.each([
    [
      'the old compose example in another case',
      'CHANGE-ME-to-a-long-random-secret-of-32-chars-or-more',
    ],
    ['a changeme variant', 'changeme-changeme-changeme-0123456789'],
    ['one character repeated', 'x'.repeat(64)],
    ['two characters alternating', 'ab'.repeat(32)],
  ])('refuses %s', (_label, secret) => {
    expect(() => production(secret)).toThrow(/JWT_SECRET/);
  });

  it('counts bytes, not characters, and refuses fewer than 32', () => {
    expect(jwtSecretProblem('äöåÄÖÅ€£¥©®±µ¶')).toBe('must be at least 32 bytes'); // 14 characters, 28 bytes
    expect(jwtSecretProblem(randomBytes(15).toString('hex'))).toBe('must be at least 32 bytes'); // 30 bytes
  });

  it('still lets development and tests start with a simple secret', () => {
    expect(() =>
      loadConfig({ STORAGE_DIR: '/tmp/cb-config-spec', JWT_SECRET: 'x'.repeat(32) }),
    ).not.toThrow();
  });
});

describe('deriveKey (HKDF-SHA256)', () => {
  const secret = randomBytes(32).toString('hex');

  it('gives each purpose its own 32-byte key, none equal to the secret', () => {
    const access = deriveKey(secret, 'access-token');
    const calendar = deriveKey(secret, 'calendar-feed');
    expect(access).toHaveLength(32);
    expect(calendar).toHaveLength(32);
    expect(access.equals(calendar)).toBe(false);
    expect(access.equals(Buffer.from(secret))).toBe(false);
  });

  it('is deterministic per secret (every API process derives the same keys) and changes with it', () => {
    expect(deriveKey(secret, 'access-token').equals(deriveKey(`${secret}`, 'access-token'))).toBe(
      true,
    );
    expect(deriveKey(secret, 'access-token').equals(deriveKey(`${secret}x`, 'access-token'))).toBe(
      false,
    );
  });
});

describe('sealSecret / openSecret (AES-256-GCM under an HKDF key)', () => {
  const secret = randomBytes(32).toString('hex');

  it('opens what it sealed, and the sealed text does not contain the plaintext', () => {
    const sealed = sealSecret(secret, 'sso-client-secret', 'client-secret-123', 'tenant-a');
    expect(sealed).not.toContain('client-secret-123');
    expect(openSecret(secret, 'sso-client-secret', sealed, 'tenant-a')).toBe('client-secret-123');
  });

  it('does not open under another JWT_SECRET, another context (tenant) or when tampered with', () => {
    const sealed = sealSecret(secret, 'sso-client-secret', 'client-secret-123', 'tenant-a');
    expect(openSecret(`${secret}x`, 'sso-client-secret', sealed, 'tenant-a')).toBeNull();
    expect(openSecret(secret, 'sso-client-secret', sealed, 'tenant-b')).toBeNull();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(openSecret(secret, 'sso-client-secret', tampered, 'tenant-a')).toBeNull();
    expect(openSecret(secret, 'sso-client-secret', 'plain text', 'tenant-a')).toBeNull();
  });
});
