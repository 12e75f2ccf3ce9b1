import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { createDataSource } from './data-source.factory';
import { ENTITIES } from './entities';

/** information_schema's udt_name for each column type the entities use. */
const UDT: Record<string, string> = {
  uuid: 'uuid',
  text: 'text',
  integer: 'int4',
  int: 'int4',
  bigint: 'int8',
  boolean: 'bool',
  date: 'date',
  timestamptz: 'timestamptz',
  'timestamp with time zone': 'timestamptz',
  jsonb: 'jsonb',
  numeric: 'numeric',
  smallint: 'int2',
  bytea: 'bytea',
};

interface DbColumn {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  is_generated: 'ALWAYS' | 'NEVER';
}

/**
 * The schema is made by migrations only (never synchronize): this checks that the entities still describe it.
 * Every entity column must exist with the same type, array-ness and nullability, primary keys must match, and
 * a NOT NULL column without a default must be known to its entity (or inserts through it would fail).
 * Indexes, foreign keys, checks and row-level security live only in the migrations and are tested elsewhere.
 */
describe('entities match the migrated schema', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let columns: DbColumn[];
  let primaryKeys: Map<string, string[]>;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await createDataSource({ url: db.url }).initialize();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      columns = (
        await client.query<DbColumn>(
          `SELECT table_name, column_name, udt_name, is_nullable, column_default, is_generated
             FROM information_schema.columns WHERE table_schema = 'public'`,
        )
      ).rows;
      const pk = await client.query<{ table_name: string; column_name: string }>(
        `SELECT tc.table_name, kcu.column_name
           FROM information_schema.table_constraints tc
           JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
          WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY'`,
      );
      primaryKeys = new Map();
      for (const r of pk.rows)
        primaryKeys.set(
          r.table_name,
          [...(primaryKeys.get(r.table_name) ?? []), r.column_name].sort(),
        );
    } finally {
      await client.end();
    }
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const describeColumn = (c: ColumnMetadata) => `${c.entityMetadata.tableName}.${c.databaseName}`;

  it('every entity column exists with its type and nullability', () => {
    expect(ds.entityMetadatas).toHaveLength(ENTITIES.length);
    const problems: string[] = [];
    for (const entity of ds.entityMetadatas) {
      for (const col of entity.columns) {
        const found = columns.find(
          (c) => c.table_name === entity.tableName && c.column_name === col.databaseName,
        );
        if (!found) {
          problems.push(`${describeColumn(col)}: no such column`);
          continue;
        }
        const type = typeof col.type === 'string' ? col.type : col.type.name.toLowerCase();
        const expected = UDT[type];
        if (!expected) problems.push(`${describeColumn(col)}: type ${type} not known to this test`);
        else if (found.udt_name !== (col.isArray ? `_${expected}` : expected)) {
          problems.push(
            `${describeColumn(col)}: entity says ${type}${col.isArray ? '[]' : ''}, database has ${found.udt_name}`,
          );
        }
        if (col.isNullable !== (found.is_nullable === 'YES')) {
          problems.push(
            `${describeColumn(col)}: entity nullable=${col.isNullable}, database ${found.is_nullable === 'YES' ? 'NULL' : 'NOT NULL'}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('primary keys match, and no required column is unknown to its entity', () => {
    const problems: string[] = [];
    for (const entity of ds.entityMetadatas) {
      const entityPk = entity.primaryColumns.map((c) => c.databaseName).sort();
      const dbPk = primaryKeys.get(entity.tableName) ?? [];
      if (entityPk.join() !== dbPk.join())
        problems.push(
          `${entity.tableName}: primary key entity (${entityPk}) vs database (${dbPk})`,
        );
      const known = new Set(entity.columns.map((c) => c.databaseName));
      for (const c of columns.filter((x) => x.table_name === entity.tableName)) {
        if (
          !known.has(c.column_name) &&
          c.is_nullable === 'NO' &&
          c.column_default === null &&
          c.is_generated === 'NEVER'
        ) {
          problems.push(
            `${entity.tableName}.${c.column_name}: NOT NULL without a default, but not in the entity`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every table but the migrations log has an entity, or is listed here as raw-SQL only', () => {
    // Tables that the code reaches only through SQL (no entity), with the reason.
    const rawSqlOnly = new Set<string>([
      // The search's copy of PostgreSQL's statistics, read and written only by its SECURITY DEFINER functions
      // (migration SearchCommonWords).
      'search_common_lexemes',
    ]);
    const tables = new Set(columns.map((c) => c.table_name));
    const mapped = new Set(ds.entityMetadatas.map((e) => e.tableName));
    const unmapped = [...tables]
      .filter((t) => t !== 'migrations' && !mapped.has(t) && !rawSqlOnly.has(t))
      .sort();
    expect(unmapped).toEqual([]);
  });
});
