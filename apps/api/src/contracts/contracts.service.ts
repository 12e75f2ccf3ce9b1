import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import {
  DomainError,
  DomainErrorCode,
  NotFoundError,
  STORAGE,
  ValidationError,
  validateTermsPatch,
  type StoragePort,
  type StoredFile,
} from '@cb/domain';
import { sniffMediaType } from '@cb/extraction';
import { AlertsRefreshQueue } from '@cb/jobs';
import {
  ContractTermsStore,
  ContractsRepository,
  InvalidCursorError,
  TenantDb,
  type ContractEntity,
  type ContractListQuery,
} from '@cb/persistence';
import busboy from 'busboy';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Readable } from 'node:stream';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service';
import { PlanLimitsService } from '../billing/plan-limits.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { ParseQueueService } from '../queue/parse-queue.service';
import { toContractResponse } from './contracts.mapper';
import {
  UploadContractFieldsDto,
  type ListContractsQueryDto,
  type UpdateContractDto,
} from './dto/contract.dto';
import type { ContractResponseDto } from './dto/contract.dto';

interface ParsedUpload {
  stored: StoredFile | null;
  fileName: string | null;
  /** A Map, never a plain object: a field named `__proto__` or `toString` is just a name here. */
  fields: Map<string, string[]>;
}

@Injectable()
export class ContractsService {
  private readonly logger = new Logger(ContractsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(STORAGE) private readonly storage: StoragePort,
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(ContractsRepository) private readonly contracts: ContractsRepository,
    @Inject(ContractTermsStore) private readonly termsStore: ContractTermsStore,
    @Inject(AlertsRefreshQueue) private readonly alertsRefresh: AlertsRefreshQueue,
    @Inject(ParseQueueService) private readonly parseQueue: ParseQueueService,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(PlanLimitsService) private readonly limits: PlanLimitsService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /**
   * Streams the file into storage (fsynced), judges its type by its bytes, records the contract as
   * `processing` and commits, then enqueues the parse. The answer comes only after all of that.
   */
  async upload(
    tenantId: string,
    req: Request,
  ): Promise<{ status: number; body: ContractResponseDto }> {
    const upload = await this.receive(tenantId, req);
    const { stored } = upload;
    if (!stored)
      throw new ValidationError('A file is required', [{ field: 'file', message: 'is required' }]);
    const idemKey = req.header('idempotency-key');
    let fields: UploadContractFieldsDto;
    let mediaType: string;
    try {
      fields = this.validateFields(upload.fields);
      if (stored.size === 0) throw new DomainError(DomainErrorCode.EmptyFile, 'The file is empty');
      const sniffed = sniffMediaType(stored.head);
      if (!sniffed) {
        throw new DomainError(
          DomainErrorCode.UnsupportedMediaType,
          'The file is not a PDF, DOCX or plain-text document (judged by its contents, not its name)',
        );
      }
      mediaType = sniffed;
    } catch (err) {
      await this.discardIfUnused(tenantId, stored.key);
      throw err;
    }
    if (idemKey) {
      const fingerprint = IdempotencyService.fingerprint({
        sha256: stored.sha256,
        name: upload.fileName,
        fields,
      });
      const outcome = await this.idempotency.begin(
        tenantId,
        idemKey,
        'POST',
        '/v1/contracts',
        fingerprint,
      );
      if (outcome.kind === 'replay')
        return { status: outcome.statusCode, body: outcome.body as ContractResponseDto };
    }
    try {
      const id = randomUUID();
      const contract = await this.db.run(tenantId, async () => {
        await this.limits.assertWithinLimit(tenantId, 'contracts');
        const inserted = await this.contracts.insert(tenantId, {
          id,
          title: fields.title ?? null,
          counterparty: fields.counterparty ?? null,
          tags: fields.tags ?? [],
          status: 'processing',
          fileName: sanitizeFileName(upload.fileName),
          fileSize: stored.size,
          fileSha256: stored.sha256,
          mediaType,
          storageKey: stored.key,
          parseVersion: 1,
        });
        await this.audit.record(tenantId, 'contract.uploaded', {
          targetType: 'contract',
          targetId: id,
          contractId: id,
          data: { fileName: inserted.fileName, sha256: stored.sha256 },
        });
        return inserted;
      });
      await this.parseQueue.enqueue({ tenantId, contractId: id, parseVersion: 1 });
      const body = toContractResponse(contract, []);
      if (idemKey) await this.idempotency.complete(tenantId, idemKey, 202, body);
      return { status: 202, body };
    } catch (err) {
      if (idemKey) await this.idempotency.release(tenantId, idemKey);
      throw err;
    }
  }

  async list(tenantId: string, query: ListContractsQueryDto) {
    try {
      const { rows, nextCursor } = await this.contracts.list(tenantId, {
        ...query,
        limit: query.limit ?? 25,
      } as ContractListQuery);
      const obligations = await this.contracts.obligationsFor(
        tenantId,
        rows.map((r) => r.id),
      );
      return {
        data: rows.map((r) =>
          toContractResponse(
            r,
            obligations.filter((o) => o.contractId === r.id),
          ),
        ),
        nextCursor,
      };
    } catch (err) {
      if (err instanceof InvalidCursorError)
        throw new ValidationError('cursor is not valid', [
          { field: 'cursor', message: 'is not a cursor from this list' },
        ]);
      throw err;
    }
  }

  async get(tenantId: string, id: string): Promise<ContractResponseDto> {
    return this.db.run(tenantId, async () => {
      const contract = await this.require(tenantId, id);
      return toContractResponse(contract, await this.contracts.obligations(tenantId, id));
    });
  }

  async update(tenantId: string, id: string, dto: UpdateContractDto): Promise<ContractResponseDto> {
    let userTerms: ContractEntity['userTerms'] | undefined;
    await this.db.run(tenantId, async () => {
      const contract = await this.contracts.lockForUpdate(tenantId, id);
      if (!contract) throw new NotFoundError('Contract');
      const patch: Partial<ContractEntity> = {};
      if (dto.title !== undefined) patch.title = dto.title;
      if (dto.counterparty !== undefined) patch.counterparty = dto.counterparty || null;
      if (dto.tags !== undefined) patch.tags = [...new Set(dto.tags.map((t) => t.trim()))];
      if (dto.terms !== undefined) {
        const { patch: termsPatch, errors } = validateTermsPatch(dto.terms);
        if (errors.length) throw new ValidationError('Some corrected terms are invalid', errors);
        userTerms = { ...contract.userTerms, ...termsPatch };
        await this.termsStore.recompute(tenantId, contract, { userTerms }, patch);
      } else if (Object.keys(patch).length) {
        await this.contracts.update(tenantId, { id }, patch);
      }
      await this.audit.record(tenantId, 'contract.updated', {
        targetType: 'contract',
        targetId: id,
        contractId: id,
        data: {
          fields: Object.entries(dto)
            .filter(([k, v]) => k !== 'terms' && v !== undefined)
            .map(([k]) => k),
          terms: Object.keys(dto.terms ?? {}),
        },
      });
    });
    // Corrected dates may make an alert due now (or cancel one: the send re-checks the deadline).
    if (userTerms) await this.alertsRefresh.request(tenantId);
    return this.get(tenantId, id);
  }

  async remove(tenantId: string, id: string): Promise<void> {
    const contract = await this.db.run(tenantId, async () => {
      const c = await this.require(tenantId, id);
      await this.contracts.delete(tenantId, { id });
      await this.audit.record(tenantId, 'contract.deleted', {
        targetType: 'contract',
        targetId: id,
        contractId: id,
        data: { title: c.title, fileName: c.fileName },
      });
      return c;
    });
    await this.discardIfUnused(tenantId, contract.storageKey);
  }

  async file(tenantId: string, id: string) {
    const contract = await this.require(tenantId, id);
    return { contract, stream: this.storage.stream(contract.storageKey) };
  }

  async reparse(tenantId: string, id: string): Promise<ContractResponseDto> {
    const contract = await this.db.run(tenantId, async () => {
      const c = await this.contracts.lockForUpdate(tenantId, id);
      if (!c) throw new NotFoundError('Contract');
      const parseVersion = c.parseVersion + 1;
      await this.contracts.update(
        tenantId,
        { id },
        {
          status: 'processing',
          errorCode: null,
          errorMessage: null,
          parseVersion,
          parseAttempts: 0,
        },
      );
      return { ...c, parseVersion };
    });
    await this.parseQueue.enqueue({
      tenantId,
      contractId: id,
      parseVersion: contract.parseVersion,
    });
    return this.get(tenantId, id);
  }

  private async require(tenantId: string, id: string): Promise<ContractEntity> {
    const contract = await this.contracts.get(tenantId, id);
    if (!contract) throw new NotFoundError('Contract');
    return contract;
  }

  private validateFields(raw: Map<string, string[]>): UploadContractFieldsDto {
    const unknown = [...raw.keys()].filter((k) => !['title', 'counterparty', 'tags'].includes(k));
    const tags = raw.get('tags');
    const plain = {
      title: raw.get('title')?.[0],
      counterparty: raw.get('counterparty')?.[0],
      tags: tags
        ? tags
            .flatMap((t) => t.split(','))
            .map((t) => t.trim())
            .filter(Boolean)
        : undefined,
    };
    const dto = plainToInstance(UploadContractFieldsDto, plain);
    const errors = validateSync(dto, { whitelist: true });
    const fieldErrors = [
      ...errors.flatMap((e) =>
        Object.values(e.constraints ?? {}).map((message) => ({ field: e.property, message })),
      ),
      ...unknown.map((field) => ({ field, message: 'is not an accepted field' })),
    ];
    if (fieldErrors.length) throw new ValidationError('The upload has invalid fields', fieldErrors);
    return dto;
  }

  private async discardIfUnused(tenantId: string, storageKey: string): Promise<void> {
    if ((await this.contracts.countByStorageKey(tenantId, storageKey)) === 0)
      await this.storage.delete(storageKey);
  }

  /** Parses multipart/form-data, streaming the one `file` part into storage as it arrives. */
  private receive(tenantId: string, req: Request): Promise<ParsedUpload> {
    const contentType = req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data/i.test(contentType)) {
      return Promise.reject(
        new ValidationError('Send the contract as multipart/form-data with a `file` field', [
          { field: 'file', message: 'is required (multipart/form-data)' },
        ]),
      );
    }
    return new Promise<ParsedUpload>((resolve, reject) => {
      const result: ParsedUpload = { stored: null, fileName: null, fields: new Map() };
      let bb: busboy.Busboy;
      try {
        bb = busboy({
          headers: req.headers,
          limits: {
            files: 1,
            fields: 20,
            fieldSize: 10_000,
            fileSize: this.config.maxUploadBytes + 1,
          },
        });
      } catch {
        reject(
          new ValidationError('The multipart body is malformed', [
            { field: 'file', message: 'malformed multipart body' },
          ]),
        );
        return;
      }
      let pending: Promise<void> = Promise.resolve();
      let failure: unknown = null;
      // A throw inside a busboy event handler would escape every promise: record it instead.
      const guarded =
        <A extends unknown[]>(fn: (...args: A) => void) =>
        (...args: A) => {
          try {
            fn(...args);
          } catch (err) {
            failure ??= err;
          }
        };
      bb.on(
        'file',
        guarded((name: string, stream: Readable, info: busboy.FileInfo) => {
          if (name !== 'file' || result.stored || failure) {
            stream.resume();
            if (name !== 'file')
              failure ??= new ValidationError('Unexpected file field', [
                { field: name, message: 'only `file` may carry a file' },
              ]);
            return;
          }
          result.fileName = info.filename ?? null;
          pending = this.storage
            .put(tenantId, stream, this.config.maxUploadBytes)
            .then((stored) => {
              result.stored = stored;
            })
            .catch((err: unknown) => {
              failure ??= err;
              stream.resume();
            });
        }),
      );
      bb.on(
        'field',
        guarded((name: string, value: string) => {
          const values = result.fields.get(name) ?? [];
          values.push(value);
          result.fields.set(name, values);
        }),
      );
      bb.on('filesLimit', () => {
        failure ??= new ValidationError('Upload one file per request', [
          { field: 'file', message: 'only one file per request' },
        ]);
      });
      bb.on('error', (err) => {
        this.logger.debug({ err }, 'multipart parse error');
        failure ??= new ValidationError('The multipart body is malformed', [
          { field: 'file', message: 'malformed multipart body' },
        ]);
        req.unpipe(bb);
        req.resume();
        pending.then(
          () => reject(failure),
          () => reject(failure),
        );
      });
      bb.on('close', () => {
        pending.then(
          () => (failure ? reject(failure) : resolve(result)),
          (err: unknown) => reject(err),
        );
      });
      req.pipe(bb);
    });
  }
}

function sanitizeFileName(name: string | null): string {
  const base = (name ?? 'contract').split(/[\\/]/).pop() ?? 'contract';
  const clean = base
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 255);
  return clean || 'contract';
}
