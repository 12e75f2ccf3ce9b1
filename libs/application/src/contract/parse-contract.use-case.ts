import { isCurrentParse, type StoragePort } from '@cb/domain';
import { extractDocument, type MediaType } from '@cb/extraction';
import type { JobPayloads } from '@cb/jobs';
import type { ContractsRepository } from '@cb/persistence';
import type { ParseOutcome, RecordParseResult } from './record-parse-result.use-case';

/**
 * The parse job: reads the stored file, runs the extraction pipeline and records the result. Idempotent: it
 * does nothing unless the contract is still `processing` at the job's parse version, so a retried or
 * duplicated job cannot apply twice; each attempt is counted (the sweeper gives up past a limit).
 */
export class ParseContract {
  constructor(
    private readonly storage: StoragePort,
    private readonly contracts: ContractsRepository,
    private readonly record: RecordParseResult,
    private readonly options: { ocrEnabled: boolean },
  ) {}

  async execute(p: JobPayloads['contract.parse']): Promise<ParseOutcome> {
    const contract = await this.contracts.get(p.tenantId, p.contractId);
    if (!isCurrentParse(contract, p.parseVersion)) return 'skipped';
    await this.contracts.update(
      p.tenantId,
      { id: p.contractId },
      { parseAttempts: contract.parseAttempts + 1 },
    );
    const data = await this.storage.read(contract.storageKey);
    const result = await extractDocument(data, {
      mediaType: contract.mediaType as MediaType,
      fileName: contract.fileName,
      ocr: this.options.ocrEnabled,
    });
    return this.record.execute(p, result);
  }
}
