import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Logger } from '@nestjs/common';
import {
  ArchiveRefusedError,
  EntryReadError,
  openZip,
  type ZipArchive,
  type ZipEntry,
} from '@cb/archive';
import {
  DomainError,
  DuplicateError,
  folderTags,
  isIgnoredImportEntry,
  type ImportRow,
  type StoragePort,
} from '@cb/domain';
import type { JobPayloads } from '@cb/jobs';
import type { ContractEntity, ImportEntity, ImportsRepository, TenantDb } from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { ContractFiles } from '../contract/contract-files.service';
import type { ContractOwners } from '../contract/contract-owners.service';
import type { LinkAmendment } from '../contract/link-amendment.use-case';
import type { UploadContract } from '../contract/upload-contract.use-case';

export interface ExpandImportSettings {
  maxImportFiles: number;
  maxImportBytes: number;
  maxUploadBytes: number;
}

/** Directory entries and ignored files are not counted; the ZIP may list some of them besides the files. */
const DIRECTORY_ALLOWANCE = 2;

/**
 * The worker's half of a bulk import. Copies the stored ZIP to scratch space, opens it with the ZIP guard
 * (@cb/archive: central directory first, the entry count and inflated byte budget of MAX_IMPORT_FILES and
 * MAX_IMPORT_MB, per-entry outcomes for `..` paths, symlinks, encrypted and nested ZIPs), records one item per
 * file, then reads the files one at a time: each is stored and becomes a contract through UploadContract's
 * checks (type by bytes, duplicates, the plan's contract limit), with its folder names as tags and the CSV's
 * values as set by a person. An item is decided in the same transaction that inserts its contract, so a
 * re-run after a crash skips what is done and never makes a contract twice; it first announces again the
 * parses of contracts the dead run created but may not have enqueued. Finally the CSV's parentFile
 * links are made and the ZIP is deleted.
 */
export class ExpandImport {
  private readonly logger = new Logger(ExpandImport.name);

  constructor(
    private readonly db: TenantDb,
    private readonly imports: ImportsRepository,
    private readonly storage: StoragePort,
    private readonly upload: UploadContract,
    private readonly link: LinkAmendment,
    private readonly files: ContractFiles,
    private readonly owners: ContractOwners,
    private readonly settings: ExpandImportSettings,
  ) {}

  async execute(p: JobPayloads['import.expand']): Promise<void> {
    const { tenantId, importId } = p;
    const imp = await this.imports.get(tenantId, importId);
    if (!imp || imp.expandedAt) return;
    const scratch = path.join(os.tmpdir(), `cb-import-${randomUUID()}.zip`);
    try {
      await pipeline(this.storage.stream(imp.storageKey), fs.createWriteStream(scratch));
      let zip: ZipArchive;
      try {
        zip = await openZip(scratch, {
          maxEntries: this.settings.maxImportFiles * DIRECTORY_ALLOWANCE,
          maxTotalBytes: this.settings.maxImportBytes,
          maxEntryBytes: this.settings.maxUploadBytes,
        });
      } catch (err) {
        if (err instanceof ArchiveRefusedError)
          return await this.refuse(imp, err.code, err.message);
        throw err;
      }
      try {
        await this.expand(imp, zip);
      } finally {
        zip.close();
      }
    } finally {
      await fs.promises.rm(scratch, { force: true });
    }
  }

  /** After the last attempt: files still pending are failed with the reason, and the import ends. */
  async giveUp(p: JobPayloads['import.expand'], reason: string): Promise<void> {
    const imp = await this.imports.get(p.tenantId, p.importId);
    if (!imp || imp.expandedAt) return;
    await this.db.run(p.tenantId, async () => {
      for (const item of await this.imports.items(p.tenantId, p.importId)) {
        if (item.outcome === 'pending')
          await this.imports.decideItem(
            p.tenantId,
            p.importId,
            item.position,
            'failed',
            null,
            `the import stopped: ${reason}`,
          );
      }
      await this.imports.update(p.tenantId, { id: p.importId }, { expandedAt: new Date() });
    });
  }

  private async refuse(imp: ImportEntity, code: string, message: string): Promise<void> {
    await this.imports.update(
      imp.tenantId,
      { id: imp.id },
      { total: 0, errorCode: code, errorMessage: message, expandedAt: new Date() },
    );
    await this.files.discardIfUnused(imp.tenantId, imp.storageKey);
  }

  private async expand(imp: ImportEntity, zip: ZipArchive): Promise<void> {
    const { tenantId } = imp;
    const files = zip.entries.filter(
      (e) => e.outcome !== 'directory' && !isIgnoredImportEntry(e.name),
    );
    if (files.length > this.settings.maxImportFiles) {
      return this.refuse(
        imp,
        'zip_too_many_entries',
        `The ZIP holds ${files.length} files (limit ${this.settings.maxImportFiles})`,
      );
    }
    await this.imports.addItems(
      tenantId,
      imp.id,
      files.map((e) => ({
        position: e.index,
        path: e.name,
        ...(e.outcome === 'ok'
          ? {}
          : { outcome: 'failed' as const, message: e.reason ?? e.outcome }),
      })),
    );
    if (imp.total !== files.length)
      await this.imports.update(tenantId, { id: imp.id }, { total: files.length });
    // A run that died between an item's commit and its parse's enqueue left that contract in `processing`
    // with no job: announce it again (the parse's job id is deterministic, so a queued one is not doubled).
    for (const contract of await this.imports.unparsedContracts(tenantId, imp.id))
      await this.upload.announce(contract);

    const rows = new Map(imp.metadata.map((r) => [r.file, r]));
    const byPosition = new Map(files.map((e) => [e.index, e]));
    // The CSV's ownerEmail: the tenant's users as they are when the files are read.
    const owners = imp.metadata.some((r) => r.ownerEmail)
      ? await this.owners.idsByEmail(tenantId)
      : new Map<string, string>();
    const actor: Actor = {
      type: imp.actorType as Actor['type'],
      id: imp.actorId,
    };
    for (const item of await this.imports.items(tenantId, imp.id)) {
      if (item.outcome !== 'pending') continue;
      const entry = byPosition.get(item.position);
      if (!entry) continue;
      await this.importEntry(imp, zip, entry, rows.get(entry.name), actor, owners);
    }
    await this.linkAmendments(imp, rows);
    await this.imports.update(tenantId, { id: imp.id }, { expandedAt: new Date() });
    await this.files.discardIfUnused(tenantId, imp.storageKey);
    this.logger.log({ tenantId, importId: imp.id, files: files.length }, 'Import read');
  }

  private async importEntry(
    imp: ImportEntity,
    zip: ZipArchive,
    entry: ZipEntry,
    row: ImportRow | undefined,
    actor: Actor,
    owners: ReadonlyMap<string, string>,
  ): Promise<void> {
    const { tenantId } = imp;
    const ownerId = row?.ownerEmail ? (owners.get(row.ownerEmail) ?? null) : null;
    const decide = (
      outcome: 'created' | 'duplicate' | 'failed',
      contractId: string | null,
      message: string | null,
    ) => this.imports.decideItem(tenantId, imp.id, entry.index, outcome, contractId, message);
    let stored;
    try {
      const stream = await zip.openEntryStream(entry);
      // The guard's stream may fail (a lying header, the byte budget) before storage starts reading it:
      // keep that error instead of letting it go unhandled, and report it.
      let streamError: Error | null = null;
      stream.on('error', (err: Error) => (streamError ??= err));
      stored = await this.storage.put(tenantId, stream, this.settings.maxUploadBytes);
      if (streamError) {
        await this.files.discardIfUnused(tenantId, stored.key);
        throw streamError;
      }
    } catch (err) {
      if (err instanceof EntryReadError || err instanceof DomainError)
        return this.db.run(tenantId, () => decide('failed', null, err.message));
      throw err;
    }
    let created: ContractEntity | null = null;
    try {
      created = await this.db.run(tenantId, async () => {
        const item = await this.imports.lockItem(tenantId, imp.id, entry.index);
        if (!item || item.outcome !== 'pending') return null; // another run decided it
        try {
          const contract = await this.upload.record({
            tenantId,
            actor,
            file: stored,
            fileName: entry.name.split('/').pop() ?? entry.name,
            title: row?.title,
            counterparty: row?.counterparty,
            tags: [...new Set([...folderTags(entry.name), ...(row?.tags ?? [])])].slice(0, 20),
            userTerms: row?.terms,
            source: { importId: imp.id },
            ownerId,
          });
          // An address that is not a user of the team does not stop the file: it comes in without an owner,
          // and the item says so.
          await decide(
            'created',
            contract.id,
            row?.ownerEmail && !ownerId
              ? `ownerEmail ${row.ownerEmail} is not a user of this team: created without an owner`
              : null,
          );
          return contract;
        } catch (err) {
          if (err instanceof DuplicateError) {
            await decide('duplicate', err.contractId, 'already in the bank');
            return null;
          }
          if (err instanceof DomainError) {
            await decide('failed', null, err.message);
            return null;
          }
          throw err;
        }
      });
    } finally {
      if (!created) await this.files.discardIfUnused(tenantId, stored.key);
    }
    if (created) await this.upload.announce(created);
  }

  /** The CSV's parentFile column: each amendment linked to the contract its master file became. */
  private async linkAmendments(imp: ImportEntity, rows: Map<string, ImportRow>): Promise<void> {
    const wanted = [...rows.values()].filter((r) => r.parentFile);
    if (wanted.length === 0) return;
    const items = await this.imports.items(imp.tenantId, imp.id);
    const contractOf = new Map(items.map((i) => [i.path, i]));
    for (const row of wanted) {
      const child = contractOf.get(row.file);
      const parent = contractOf.get(row.parentFile!);
      if (!child?.contractId || child.outcome !== 'created') continue;
      let problem: string | null = null;
      if (!parent?.contractId) problem = `parentFile ${row.parentFile} did not become a contract`;
      else {
        try {
          await this.link.execute({
            tenantId: imp.tenantId,
            contractId: child.contractId,
            parentId: parent.contractId,
          });
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          problem = `not linked to ${row.parentFile}: ${err.errors?.[0]?.message ?? err.message}`;
        }
      }
      if (problem)
        await this.imports.decideItem(
          imp.tenantId,
          imp.id,
          child.position,
          'created',
          child.contractId,
          problem,
        );
    }
  }
}
