import { randomBytes } from 'node:crypto';
import { isSealed, openSecret, sealSecret } from './secret-box';
import { deriveKey } from './secret-policy';

describe('sealed secrets (AES-256-GCM under an HKDF key)', () => {
  const key = deriveKey(randomBytes(32).toString('hex'), 'totp-secret');
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

  it('round-trips, and the sealed form neither is nor contains the secret', () => {
    const sealed = sealSecret(key, secret, 'user-1');
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed(secret)).toBe(false);
    expect(sealed).not.toContain(secret);
    expect(openSecret(key, sealed, 'user-1')).toBe(secret);
    // A fresh IV each time.
    expect(sealSecret(key, secret, 'user-1')).not.toBe(sealed);
  });

  it('refuses another key, another row, and any changed byte', () => {
    const sealed = sealSecret(key, secret, 'user-1');
    expect(() =>
      openSecret(deriveKey('another secret of enough length!!', 'totp-secret'), sealed, 'user-1'),
    ).toThrow();
    expect(() => openSecret(key, sealed, 'user-2')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[2], 'base64url');
    body[0] ^= 1;
    parts[2] = body.toString('base64url');
    expect(() => openSecret(key, parts.join('.'), 'user-1')).toThrow();
    expect(() => openSecret(key, secret, 'user-1')).toThrow(/not a sealed secret/);
  });

  it('keys for other purposes differ from the TOTP key', () => {
    const s = randomBytes(32).toString('hex');
    expect(deriveKey(s, 'totp-secret').equals(deriveKey(s, 'access-token'))).toBe(false);
    expect(deriveKey(s, 'totp-secret').equals(deriveKey(s, 'calendar-feed'))).toBe(false);
  });
});
