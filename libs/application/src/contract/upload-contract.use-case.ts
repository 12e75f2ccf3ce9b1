import { randomUUID } from 'node:crypto';
import {
  DomainError,
  DomainErrorCode,
  DuplicateError,
  contractFileName,
  uploaded,
  type StoredFile,
} from '@cb/domain';
import { sniffMediaType } from '@cb/extraction';
import type { JobPublisher } from '@cb/jobs';
import type { ContractsRepository, TenantDb } from '@cb/persistence';
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
      if (file.size === 0) throw new DomainError(DomainErrorCode.EmptyFile, 'The file is empty');
      const mediaType = sniffMediaType(file.head);
      if (!mediaType) {
        throw new DomainError(
          DomainErrorCode.UnsupportedMediaType,
          'The file is not a PDF, DOCX or plain-text document (judged by its contents, not its name)',
        );
      }
      const id = randomUUID();
      contract = await this.db.run(tenantId, async () => {
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
          data: { fileName: inserted.fileName, sha256: file.sha256 },
        });
        return inserted;
      });
    } catch (err) {
      await this.files.discardIfUnused(tenantId, file.key);
      throw err;
    }
    await this.jobs.tryPublish('contract.parse', {
      tenantId,
      contractId: contract.id,
      parseVersion: contract.parseVersion,
    });
    return { contract, obligations: [] };
  }
}
