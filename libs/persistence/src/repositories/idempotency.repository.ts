import { IdempotencyKeyEntity } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export const IDEMPOTENCY_TTL_HOURS = 24;

export class IdempotencyRepository extends TenantScopedRepository<IdempotencyKeyEntity> {
  constructor(db: TenantDb) {
    super(db, IdempotencyKeyEntity);
  }

  /**
   * Claims a key. Returns null when this request now owns it, or the earlier record when the key
   * was used within the last 24 hours (a key older than that is taken over).
   */
  async claim(
    tenantId: string,
    record: { key: string; method: string; path: string; requestHash: string },
  ): Promise<IdempotencyKeyEntity | null> {
    return this.run(tenantId, async (m) => {
      const rows: unknown[] = await m.query(
        `INSERT INTO idempotency_keys (tenant_id, key, method, path, request_hash)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, key) DO UPDATE
           SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
               status_code = NULL, response_body = NULL, created_at = now()
           WHERE idempotency_keys.created_at < now() - interval '${IDEMPOTENCY_TTL_HOURS} hours'
         RETURNING key`,
        [tenantId, record.key, record.method, record.path, record.requestHash],
      );
      if (rows.length > 0) return null;
      return m.findOne(IdempotencyKeyEntity, { where: this.scoped(tenantId, { key: record.key }) });
    });
  }

  complete(tenantId: string, key: string, statusCode: number, body: unknown): Promise<number> {
    return this.update(tenantId, { key }, { statusCode, responseBody: body as object });
  }

  release(tenantId: string, key: string): Promise<number> {
    return this.delete(tenantId, { key });
  }
}
