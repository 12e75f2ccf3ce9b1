import { ConfigError, loadConfig, maskUrl } from './app-config';

describe('configuration validated at start', () => {
  const base = { JWT_SECRET: 'x'.repeat(32), STORAGE_DIR: '/tmp/cb-config-spec' };

  it('applies the documented defaults', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/contract_bank',
      appDatabaseUrl: 'postgres://contract_bank_app@127.0.0.1:5432/contract_bank',
      redisUrl: 'redis://127.0.0.1:6379',
      alertScanIntervalMs: 3_600_000,
      apiKeyRateLimitPerMinute: 600,
      trialDays: 14,
      maxUploadBytes: 25 * 1024 * 1024,
      webhookAllowPrivateUrls: false,
      smtpUrl: null,
    });
  });

  it('stops with a message naming every invalid variable', () => {
    expect(() =>
      loadConfig({ ...base, PORT: 'eighty', TRIAL_DAYS: '-1', REDIS_URL: 'localhost:6379' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ ...base, PORT: 'eighty', TRIAL_DAYS: '-1', REDIS_URL: 'localhost:6379' });
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/TRIAL_DAYS/);
      expect(message).toMatch(/REDIS_URL/);
      expect(message).not.toMatch(/MAX_UPLOAD_MB/);
    }
  });

  it('reads the per-key rate limit and refuses a nonsensical one', () => {
    expect(
      loadConfig({ ...base, API_KEY_RATE_LIMIT_PER_MINUTE: '120' }).apiKeyRateLimitPerMinute,
    ).toBe(120);
    expect(() => loadConfig({ ...base, API_KEY_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(
      /API_KEY_RATE_LIMIT_PER_MINUTE/,
    );
    expect(() => loadConfig({ ...base, API_KEY_RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(
      /API_KEY_RATE_LIMIT_PER_MINUTE/,
    );
  });

  it('refuses a short JWT secret and requires one in production', () => {
    expect(() => loadConfig({ ...base, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ STORAGE_DIR: '/tmp/x', NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET/,
    );
  });

  it('masks passwords in URLs for logs', () => {
    expect(maskUrl('postgres://app:s3cret@db:5432/cb')).toBe('postgres://app:***@db:5432/cb');
  });
});
