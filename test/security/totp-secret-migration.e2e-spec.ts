import { randomBytes, randomUUID } from 'node:crypto';
import { authenticator } from 'otplib';
import { openSecret } from '../../libs/config/src/secret-box';
import { deriveKey } from '../../libs/config/src/secret-policy';
import { runMigrations } from '../../libs/persistence/src/migrate';
import { createTestDatabase, queryOnce, type TestDatabase } from '../support/database';

jest.setTimeout(60_000);

const MIGRATION = 'EncryptTotpSecrets1796230000000';

describe('hardening: the migration seals TOTP secrets stored in plaintext before', () => {
  let db: TestDatabase;
  const jwtSecret = randomBytes(32).toString('hex');
  const tenantId = randomUUID();
  const userId = randomUUID();
  const pendingUserId = randomUUID();
  const secret = authenticator.generateSecret(20);
  const pending = authenticator.generateSecret(20);

  beforeAll(async () => {
    db = await createTestDatabase();
    await queryOnce(db.url, `INSERT INTO tenants (id, name) VALUES ($1, 'Legacy Oy')`, [tenantId]);
    // Rows as the previous release wrote them: the secret as is.
    await queryOnce(
      db.url,
      `INSERT INTO users (id, tenant_id, email, name, password_hash, role, mfa_secret, mfa_enabled_at)
       VALUES ($1, $2, $3, 'On', 'x', 'owner', $4, now())`,
      [userId, tenantId, `on-${userId}@example.com`, secret],
    );
    await queryOnce(
      db.url,
      `INSERT INTO users (id, tenant_id, email, name, password_hash, role, mfa_pending_secret)
       VALUES ($1, $2, $3, 'Enrolling', 'x', 'member', $4)`,
      [pendingUserId, tenantId, `pending-${pendingUserId}@example.com`, pending],
    );
    // The database as it was before this migration ran.
    await queryOnce(db.url, `DELETE FROM migrations WHERE name = $1`, [MIGRATION]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  const rows = () =>
    queryOnce<{ id: string; mfa_secret: string | null; mfa_pending_secret: string | null }>(
      db.url,
      `SELECT id, mfa_secret, mfa_pending_secret FROM users WHERE tenant_id = $1 ORDER BY name DESC`,
      [tenantId],
    );

  it('refuses to run without JWT_SECRET when there are secrets to seal (nothing half done)', async () => {
    await expect(runMigrations(db.url)).rejects.toThrow(/needs JWT_SECRET/);
    const [on, enrolling] = await rows();
    expect(on.mfa_secret).toBe(secret);
    expect(enrolling.mfa_pending_secret).toBe(pending);
  });

  it('seals every plaintext secret with the HKDF key, bound to its user; running again changes nothing', async () => {
    expect(await runMigrations(db.url, { jwtSecret })).toEqual([MIGRATION]);
    const key = deriveKey(jwtSecret, 'totp-secret');
    const [on, enrolling] = await rows();
    expect(on.id).toBe(userId);
    expect(on.mfa_secret).toMatch(/^enc:v1:/);
    expect(on.mfa_secret).not.toContain(secret);
    expect(openSecret(key, on.mfa_secret!, userId)).toBe(secret);
    expect(on.mfa_pending_secret).toBeNull();
    expect(enrolling.mfa_pending_secret).toMatch(/^enc:v1:/);
    expect(enrolling.mfa_pending_secret).not.toContain(pending);
    expect(openSecret(key, enrolling.mfa_pending_secret!, pendingUserId)).toBe(pending);
    expect(enrolling.mfa_secret).toBeNull();
    expect(await runMigrations(db.url, { jwtSecret })).toEqual([]);
    expect(await rows()).toEqual([on, enrolling]);
  });
});
