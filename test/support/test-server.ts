import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import IORedis from 'ioredis';
import type { AppConfig } from '../../libs/config/src/app-config';
import { createApiApp } from '../../apps/api/src/app.factory';
import { createWorkerApp } from '../../apps/worker/src/worker.factory';
import { TenantDb } from '../../libs/persistence/src/tenant-db';
import { createTestDatabase, type TestDatabase } from './database';
import { testConfig } from './test-config';

export interface TestServer {
  url: string;
  config: AppConfig;
  db: TestDatabase;
  api: NestExpressApplication;
  worker: INestApplicationContext | null;
  close(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  /** Start the worker in the same process (default true). */
  worker?: boolean;
  webDist?: string;
}

/** Boots the API (on a free port) and the worker against a fresh database and Redis prefix. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const config = testConfig(db, options.env);
  const api = await createApiApp(config, { webDist: options.webDist });
  await api.listen(0, '127.0.0.1');
  const { port } = api.getHttpServer().address() as AddressInfo;
  const worker =
    options.worker === false ? null : await createWorkerApp(config, { schedules: false });
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    db,
    api,
    worker,
    async close() {
      await worker?.close();
      await api.close();
      await clearRedisPrefix(config);
      fs.rmSync(config.storageDir, { recursive: true, force: true });
      await db.drop();
    },
  };
}

/** The statements the API's application pool sends, with their parameters, since the last `clear`. */
export interface StatementLog {
  statements: string[];
  parameters: unknown[][];
  clear(): void;
}

/** A logged statement that starts a transaction (TenantDb sends START with the tenant's set_config, one message). */
export function startsTransaction(statement: string): boolean {
  return statement.startsWith('START TRANSACTION');
}

/** Records every statement of the API's application pool (TypeORM logs each one, START and COMMIT too). */
export function logStatements(server: TestServer): StatementLog {
  const log: StatementLog = {
    statements: [],
    parameters: [],
    clear() {
      log.statements.length = 0;
      log.parameters.length = 0;
    },
  };
  const logger = server.api.get(TenantDb).dataSource.logger;
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, params, runner) => {
    log.statements.push(query);
    log.parameters.push(Array.isArray(params) ? params : []);
    original(query, params, runner);
  };
  return log;
}

export async function clearRedisPrefix(config: AppConfig): Promise<void> {
  const redis = new IORedis(config.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${config.queuePrefix}:*`,
        'COUNT',
        500,
      );
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
