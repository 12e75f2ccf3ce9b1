import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, normalizeApiKeyScopes, ValidationError } from '@cb/domain';
import { ApiKeysRepository, TenantDb, type ApiKeyEntity } from '@cb/persistence';
import { IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../common/auth/principal';
import { generateApiKey } from './api-key-secret.util';
import type { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

const toDto = (k: ApiKeyEntity): ApiKeyDto => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  expiresAt: k.expiresAt?.toISOString() ?? null,
});

/** Keys may be made to expire at most this far ahead. */
const MAX_KEY_LIFETIME_DAYS = 5 * 366;

function parseExpiry(value: string | undefined): Date | null {
  if (value === undefined) return null;
  const at = new Date(value);
  const invalid = (message: string) =>
    new ValidationError(`expiresAt ${message}`, [{ field: 'expiresAt', message }]);
  if (Number.isNaN(at.getTime())) throw invalid('must be an ISO 8601 date-time');
  if (at.getTime() <= Date.now()) throw invalid('must be in the future');
  if (at.getTime() > Date.now() + MAX_KEY_LIFETIME_DAYS * 86_400_000)
    throw invalid('must be at most 5 years ahead');
  return at;
}

@Injectable()
export class ApiKeysService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(ApiKeysRepository) private readonly keys: ApiKeysRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const scopes = normalizeApiKeyScopes(dto.scopes);
    const expiresAt = parseExpiry(dto.expiresAt);
    const { key, prefix, keyHash } = generateApiKey();
    const row = await this.db.run(principal.tenantId, async () => {
      const created = await this.keys.insert(principal.tenantId, {
        name: dto.name,
        prefix,
        keyHash,
        scopes,
        createdBy: principal.kind === 'user' ? principal.userId : null,
        expiresAt,
      });
      await this.audit.record(principal.tenantId, 'apikey.created', {
        targetType: 'apiKey',
        targetId: created.id,
        data: { name: dto.name, prefix, scopes, expiresAt: expiresAt?.toISOString() ?? null },
      });
      return created;
    });
    return {
      id: row.id,
      name: row.name,
      key,
      prefix,
      scopes: row.scopes,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt?.toISOString() ?? null,
    };
  }

  async list(tenantId: string): Promise<{ data: ApiKeyDto[]; nextCursor: null }> {
    const rows = await this.keys.find(
      tenantId,
      { revokedAt: IsNull() },
      { order: { createdAt: 'DESC', id: 'DESC' } },
    );
    return { data: rows.map(toDto), nextCursor: null };
  }

  /** Revocation is immediate: bearer auth reads revoked_at on every request. Revoking twice is a no-op. */
  async revoke(tenantId: string, id: string): Promise<void> {
    await this.db.run(tenantId, async () => {
      const row = await this.keys.findOne(tenantId, { id });
      if (!row) throw new NotFoundError('API key');
      if (row.revokedAt) return;
      await this.keys.update(tenantId, { id }, { revokedAt: new Date() });
      await this.audit.record(tenantId, 'apikey.revoked', {
        targetType: 'apiKey',
        targetId: id,
        data: { name: row.name, prefix: row.prefix },
      });
    });
  }
}
