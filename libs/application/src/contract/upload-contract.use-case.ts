import { randomUUID } from 'node:crypto';
import {
  DomainError,
  DomainErrorCode,
  DuplicateError,
  contractFileName,
  uploaded,
  type ContractTerms,
  type StoredFile,
} from '@cb/domain';
import { sniffMediaType } from '@cb/extraction';
import type { JobPublisher } from '@cb/jobs';
import type { ContractEntity, ContractsRepository, TenantDb } from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { AuditTrail } from '../audit/audit-trail.service';
import type { PlanLimits } from '../subscription/plan-limits.service';
import type { ContractFiles } from './contract-files.service';
import type { ContractRecord } from './contract-record';

export interface UploadContractCommand {
  tenantId: string;
  actor: Actor;
  /** Already in storage (durably): the use case owns it from here, and discards it if the upload fails. */
  file: StoredFile;
  /** The name the client gave the file. */
  fileName: string | null;
  title?: string;
  counterparty?: string;
  tags?: string[];
  /** Keep a second contract for bytes the tenant already holds (else DuplicateError naming the first). */
  allowDuplicate?: boolean;
  /** Terms a person set before the parse (an import's CSV): extraction never overwrites them. */
  userTerms?: Partial<ContractTerms>;
  /** Where it came from, for the audit trail (e.g. `{ importId }`). */
  source?: Record<string, string>;
  /** Its owner, a user of the tenant the caller has checked (an import's ownerEmail). */
  ownerId?: string | null;
}

/**
 * A new contract from a stored file: its type judged by its bytes, refused as a duplicate when the tenant
 * already holds the same bytes (unless allowDuplicate), the plan limit checked, the contract
 * recorded as `processing` with an audit event and committed, then the parse enqueued. If Redis is away the
 * upload still succeeds; the sweeper enqueues the parse later.
 */
export class UploadContract {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly files: ContractFiles,
    private readonly limits: PlanLimits,
    private readonly audit: AuditTrail,
    private readonly jobs: JobPublisher,
  ) {}

  async execute(cmd: UploadContractCommand): Promise<ContractRecord> {
    const { tenantId, file } = cmd;
    let contract;
    try {
      contract = await this.db.run(tenantId, () => this.record(cmd));
    } catch (err) {
      await this.files.discardIfUnused(tenantId, file.key);
      throw err;
    }
    await this.announce(contract);
    return { contract, obligations: [] };
  }

  /**
   * The checks and the insert, in the caller's transaction (a bulk import records its item in the same one);
   * the caller then calls `announce` after the commit. Leaves the file to the caller on failure.
   */
  async record(cmd: UploadContractCommand): Promise<ContractEntity> {
    const { tenantId, file } = cmd;
    if (file.size === 0) throw new DomainError(DomainErrorCode.EmptyFile, 'The file is empty');
    const mediaType = sniffMediaType(file.head);
    if (!mediaType) {
      throw new DomainError(
        DomainErrorCode.UnsupportedMediaType,
        'The file is not a PDF, DOCX or plain-text document (judged by its contents, not its name)',
      );
    }
    const id = randomUUID();
    return this.db.run(tenantId, async () => {
      await this.contracts.lockFileHash(tenantId, file.sha256);
      if (!cmd.allowDuplicate) {
        const existing = await this.contracts.findBySha256(tenantId, file.sha256);
        if (existing) throw new DuplicateError(existing.id);
      }
      await this.limits.assertWithinLimit(tenantId, 'contracts');
      const inserted = await this.contracts.insert(tenantId, {
        id,
        ...uploaded(),
        title: cmd.title ?? null,
        counterparty: cmd.counterparty ?? null,
        tags: cmd.tags ?? [],
        userTerms: cmd.userTerms ?? {},
        ownerId: cmd.ownerId ?? null,
        fileName: contractFileName(cmd.fileName),
        fileSize: file.size,
        fileSha256: file.sha256,
        mediaType,
        storageKey: file.key,
      });
      await this.audit.record(tenantId, 'contract.uploaded', {
        actor: cmd.actor,
        targetType: 'contract',
        targetId: id,
        contractId: id,
        data: {
          fileName: inserted.fileName,
          sha256: file.sha256,
          ...(cmd.source ?? {}),
          ...(cmd.ownerId ? { owner: { from: null, to: cmd.ownerId } } : {}),
        },
      });
      return inserted;
    });
  }

  /** After the commit: the parse. If Redis is away the sweeper enqueues it later. */
  async announce(
    contract: Pick<ContractEntity, 'tenantId' | 'id' | 'parseVersion'>,
  ): Promise<void> {
    await this.jobs.tryPublish('contract.parse', {
      tenantId: contract.tenantId,
      contractId: contract.id,
      parseVersion: contract.parseVersion,
    });
  }
}
