import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

  it('runs one API process unless API_WORKERS asks for more; auto is one per CPU', () => {
    expect(loadConfig(base).apiWorkers).toBe(1);
    expect(loadConfig({ ...base, API_WORKERS: '2' }).apiWorkers).toBe(2);
    expect(loadConfig({ ...base, API_WORKERS: 'auto' }).apiWorkers).toBe(os.availableParallelism());
    for (const bad of ['0', 'many', '-1', '100'])
      expect(() => loadConfig({ ...base, API_WORKERS: bad })).toThrow(/API_WORKERS/);
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

describe('the plan catalogue file', () => {
  const base = { JWT_SECRET: 'x'.repeat(32), STORAGE_DIR: '/tmp/cb-config-spec' };
  const write = (content: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-plans-'));
    const file = path.join(dir, 'plans.json');
    fs.writeFileSync(file, content);
    return file;
  };

  it('reads config/plans.json by default, and the file PLANS_FILE names', () => {
    const c = loadConfig(base);
    expect(c.plansFile).toBe(path.resolve('config/plans.json'));
    expect(c.plans.plans.map((p) => p.id)).toEqual(['trial', 'starter', 'business']);
    const own = JSON.parse(fs.readFileSync('config/plans.json', 'utf8'));
    own.plans[1].prices.month = 59;
    const file = write(JSON.stringify(own));
    expect(
      loadConfig({ ...base, PLANS_FILE: file }).plans.plans.find((p) => p.id === 'starter')?.prices
        .month,
    ).toBe(5900);
  });

  it('stops with a message naming PLANS_FILE and the bad field', () => {
    const own = JSON.parse(fs.readFileSync('config/plans.json', 'utf8'));
    own.plans[2].limits.users = -1;
    expect(() => loadConfig({ ...base, PLANS_FILE: write(JSON.stringify(own)) })).toThrow(
      /PLANS_FILE .*plans\.json: plans\[2\]\.limits\.users must be a whole number/,
    );
    expect(() => loadConfig({ ...base, PLANS_FILE: write('{ not json') })).toThrow(
      /PLANS_FILE: .* is not JSON/,
    );
    expect(() => loadConfig({ ...base, PLANS_FILE: '/nonexistent/plans.json' })).toThrow(
      /PLANS_FILE: cannot read \/nonexistent\/plans\.json \(ENOENT\)/,
    );
  });
});
