import { deriveKey, isSealed, openSecret, sealSecret } from '@cb/config';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationJwtSecret } from './migration-secrets';

interface SecretRow {
  id: string;
  mfa_secret: string | null;
  mfa_pending_secret: string | null;
}

function totpKey(action: string): Buffer {
  const secret = migrationJwtSecret();
  if (!secret) {
    throw new Error(
      `${action} TOTP secrets needs JWT_SECRET: run it with \`npm run migrate\` (which passes it on)`,
    );
  }
  return deriveKey(secret, 'totp-secret');
}

/**
 * Issue 10: TOTP secrets at rest are AES-256-GCM sealed (key: HKDF of JWT_SECRET, purpose `totp-secret`;
 * the user's id as associated data). Seals the plaintext secrets written before; the schema is unchanged.
 */
export class EncryptTotpSecrets1796230000000 implements MigrationInterface {
  name = 'EncryptTotpSecrets1796230000000';

  async up(q: QueryRunner): Promise<void> {
    const rows = (await q.query(
      `SELECT id, mfa_secret, mfa_pending_secret FROM users
        WHERE (mfa_secret IS NOT NULL AND mfa_secret NOT LIKE 'enc:v1:%')
           OR (mfa_pending_secret IS NOT NULL AND mfa_pending_secret NOT LIKE 'enc:v1:%')`,
    )) as SecretRow[];
    if (!rows.length) return;
    const key = totpKey('Encrypting');
    const seal = (v: string | null, id: string) =>
      v === null || isSealed(v) ? v : sealSecret(key, v, id);
    for (const r of rows) {
      await q.query(`UPDATE users SET mfa_secret = $2, mfa_pending_secret = $3 WHERE id = $1`, [
        r.id,
        seal(r.mfa_secret, r.id),
        seal(r.mfa_pending_secret, r.id),
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const rows = (await q.query(
      `SELECT id, mfa_secret, mfa_pending_secret FROM users
        WHERE mfa_secret LIKE 'enc:v1:%' OR mfa_pending_secret LIKE 'enc:v1:%'`,
    )) as SecretRow[];
    if (!rows.length) return;
    const key = totpKey('Decrypting');
    const open = (v: string | null, id: string) =>
      v === null || !isSealed(v) ? v : openSecret(key, v, id);
    for (const r of rows) {
      await q.query(`UPDATE users SET mfa_secret = $2, mfa_pending_secret = $3 WHERE id = $1`, [
        r.id,
        open(r.mfa_secret, r.id),
        open(r.mfa_pending_secret, r.id),
      ]);
    }
  }
}
