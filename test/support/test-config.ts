import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type AppConfig } from '../../libs/config/src/app-config';
import type { TestDatabase } from './database';

/** A config for one test file: its own database, Redis key prefix and storage folder. */
export function testConfig(db: TestDatabase, env: Record<string, string> = {}): AppConfig {
  const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-files-'));
  return loadConfig({
    DATABASE_URL: db.url,
    APP_DATABASE_URL: db.appUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `cbt${randomBytes(5).toString('hex')}`,
    STORAGE_DIR: storage,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OCR_ENABLED: 'false',
    WORKER_LOCK_MS: '5000',
    WORKER_STALLED_INTERVAL_MS: '1000',
    PORT: '0',
    ...env,
  });
}
