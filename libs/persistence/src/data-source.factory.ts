import { MIGRATIONS } from '@cb/migrations';
import { types } from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';

// Calendar dates stay `YYYY-MM-DD` strings: a JS Date would shift them by the process time zone.
types.setTypeParser(types.builtins.DATE, (v: string) => v);

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  /** How long a query waits for a free connection (then pg-pool fails it: the API answers 503). */
  connectTimeoutMs?: number;
  applicationName?: string;
}

/** A TypeORM DataSource over pg. `synchronize` is never on: the schema comes from migrations only. */
export function createDataSource({
  url,
  poolSize = 10,
  connectTimeoutMs = 5000,
  applicationName = 'contract-bank',
}: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName,
    extra: { max: poolSize, connectionTimeoutMillis: connectTimeoutMs, idleTimeoutMillis: 30000 },
  });
}
