import { randomUUID } from 'node:crypto';
import {
  DomainError,
  DomainErrorCode,
  ValidationError,
  parseImportMetadata,
  type StoredFile,
} from '@cb/domain';
import type { JobPublisher } from '@cb/jobs';
import type { ImportsRepository, TenantDb } from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { AuditTrail } from '../audit/audit-trail.service';
import type { ContractFiles } from '../contract/contract-files.service';
import type { PlanLimits } from '../subscription/plan-limits.service';
import type { ImportRecord } from './import-record';

export interface StartImportCommand {
  tenantId: string;
  actor: Actor;
  /** The ZIP, already in storage (durably). */
  file: StoredFile;
  fileName: string | null;
  /** The metadata CSV's bytes, if one was sent. */
  metadata: Buffer | null;
}

const ZIP_MAGIC = [
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from([0x50, 0x4b, 0x05, 0x06]), // an empty archive
];

/** CSV text: UTF-8 (with or without a BOM), else Windows-1252 as older Excel writes it. */
function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Starts a bulk import: the ZIP (judged by its bytes) is already stored; the metadata CSV is read and
 * validated now, so a bad row is refused with its line before anything is created; the import is recorded
 * and `import.expand` enqueued (the worker reads the ZIP entry by entry). The answer is the running import.
 */
export class StartImport {
  constructor(
    private readonly db: TenantDb,
    private readonly imports: ImportsRepository,
    private readonly files: ContractFiles,
    private readonly limits: PlanLimits,
    private readonly audit: AuditTrail,
    private readonly jobs: JobPublisher,
  ) {}

  async execute(cmd: StartImportCommand): Promise<ImportRecord> {
    const { tenantId, file } = cmd;
    let record;
    try {
      if (file.size === 0) throw new DomainError(DomainErrorCode.EmptyFile, 'The ZIP is empty');
      const head = Buffer.from(file.head.subarray(0, 4));
      if (!ZIP_MAGIC.some((m) => m.equals(head)))
        throw new DomainError(
          DomainErrorCode.UnsupportedMediaType,
          'The file is not a ZIP archive (judged by its contents, not its name)',
        );
      const metadata = cmd.metadata ? parseImportMetadata(decodeCsv(cmd.metadata)) : null;
      if (metadata?.errors.length)
        throw new ValidationError('The metadata CSV has errors', metadata.errors);
      await this.limits.assertCanWrite(tenantId);
      const id = randomUUID();
      record = await this.db.run(tenantId, async () => {
        const inserted = await this.imports.insert(tenantId, {
          id,
          fileName: (cmd.fileName ?? 'import.zip').replace(/[\r\n]+/g, ' ').slice(0, 300),
          fileSize: file.size,
          storageKey: file.key,
          metadata: metadata?.rows ?? [],
          actorType: cmd.actor.type,
          actorId: cmd.actor.id,
          total: null,
          expandedAt: null,
        });
        await this.audit.record(tenantId, 'import.started', {
          actor: cmd.actor,
          targetType: 'import',
          targetId: id,
          data: { fileName: inserted.fileName, rows: metadata?.rows.length ?? 0 },
        });
        return inserted;
      });
    } catch (err) {
      await this.files.discardIfUnused(tenantId, file.key);
      throw err;
    }
    await this.jobs.tryPublish('import.expand', { tenantId, importId: record.id });
    return {
      import: record,
      status: 'running',
      total: 0,
      processed: 0,
      created: 0,
      duplicates: 0,
      failed: 0,
      items: [],
    };
  }
}
