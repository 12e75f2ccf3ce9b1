import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@cb/domain';
import { IdempotencyRepository } from '@cb/persistence';

export type IdempotencyOutcome =
  { kind: 'new' } | { kind: 'replay'; statusCode: number; body: unknown };

const KEY = /^[\x21-\x7e]{1,255}$/;

/** Idempotency-Key handling: a replay within 24 h returns the first response; a different request under the same key is 422. */
@Injectable()
export class IdempotencyService {
  constructor(@Inject(IdempotencyRepository) private readonly repo: IdempotencyRepository) {}

  static fingerprint(parts: unknown): string {
    return createHash('sha256').update(stableJson(parts)).digest('hex');
  }

  async begin(
    tenantId: string,
    key: string,
    method: string,
    path: string,
    requestHash: string,
  ): Promise<IdempotencyOutcome> {
    if (!KEY.test(key)) {
      throw new DomainError(
        DomainErrorCode.Validation,
        'Idempotency-Key must be 1-255 visible ASCII characters',
        [{ field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' }],
      );
    }
    const existing = await this.repo.claim(tenantId, { key, method, path, requestHash });
    if (!existing) return { kind: 'new' };
    if (
      existing.requestHash !== requestHash ||
      existing.method !== method ||
      existing.path !== path
    ) {
      throw new DomainError(
        DomainErrorCode.IdempotencyMismatch,
        'This Idempotency-Key was already used with a different request; use a new key for a new request',
      );
    }
    if (existing.statusCode === null) {
      throw new DomainError(
        DomainErrorCode.Conflict,
        'A request with this Idempotency-Key is still in progress; retry shortly',
      );
    }
    return { kind: 'replay', statusCode: existing.statusCode, body: existing.responseBody };
  }

  async complete(tenantId: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.repo.complete(tenantId, key, statusCode, body);
  }

  /** A request that failed leaves its key free, so the client can retry with it. */
  async release(tenantId: string, key: string): Promise<void> {
    await this.repo.release(tenantId, key);
  }
}

export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
