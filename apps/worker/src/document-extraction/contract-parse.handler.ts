import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { STORAGE, type StoragePort } from '@cb/domain';
import { extractDocument, type ExtractionResult, type MediaType } from '@cb/extraction';
import { AlertsRefreshQueue, type JobPayloads } from '@cb/jobs';
import {
  ContractTermsStore,
  ContractsRepository,
  TenantDb,
  type ContractEntity,
} from '@cb/persistence';

export type ParseOutcome = 'parsed' | 'needs_review' | 'failed' | 'skipped';

/** Below this confidence a key term sends the contract to review. */
const REVIEW_CONFIDENCE = 0.5;

/**
 * Parses one contract. Idempotent: it re-reads the contract and does nothing unless the contract is
 * still `processing` at the job's parse version, so a retried or duplicated job cannot apply twice.
 */
@Injectable()
export class ContractParseHandler {
  private readonly logger = new Logger(ContractParseHandler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(STORAGE) private readonly storage: StoragePort,
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(ContractsRepository) private readonly contracts: ContractsRepository,
    @Inject(ContractTermsStore) private readonly termsStore: ContractTermsStore,
    @Inject(AlertsRefreshQueue) private readonly alertsRefresh: AlertsRefreshQueue,
  ) {}

  async handle({
    tenantId,
    contractId,
    parseVersion,
  }: JobPayloads['contract.parse']): Promise<ParseOutcome> {
    const contract = await this.contracts.get(tenantId, contractId);
    if (!isCurrent(contract, parseVersion)) return 'skipped';
    await this.contracts.update(
      tenantId,
      { id: contractId },
      { parseAttempts: contract.parseAttempts + 1 },
    );
    const data = await this.storage.read(contract.storageKey);
    const result = await extractDocument(data, {
      mediaType: contract.mediaType as MediaType,
      fileName: contract.fileName,
      ocr: this.config.ocrEnabled,
    });
    const outcome = await this.db.run(tenantId, async (): Promise<ParseOutcome> => {
      const locked = await this.contracts.lockForUpdate(tenantId, contractId);
      if (!isCurrent(locked, parseVersion)) return 'skipped';
      if (result.status === 'failed') {
        await this.contracts.update(
          tenantId,
          { id: contractId },
          {
            status: 'failed',
            errorCode: result.error?.code ?? 'extraction_failed',
            errorMessage: result.error?.message ?? 'The document could not be read',
            pages: result.pages || null,
          },
        );
        return 'failed';
      }
      const status = needsReview(result) ? 'needs_review' : 'parsed';
      await this.termsStore.recompute(
        tenantId,
        locked,
        { extracted: { terms: result.terms, obligations: result.obligations } },
        {
          status,
          errorCode: null,
          errorMessage: null,
          pages: result.pages,
          ocrPages: result.ocrPages,
          text: result.text,
          pageStarts: result.pageStarts,
          evidence: result.evidence,
          confidence: result.confidence,
          title: locked.title ?? result.terms.title ?? null,
          counterparty: locked.counterparty ?? counterpartyOf(result),
        },
      );
      this.logger.log(
        { tenantId, contractId, status, pages: result.pages, ms: result.ms },
        'Contract parsed',
      );
      return status;
    });
    // After the commit: an alert that is already due (a notice deadline 20 days out, uploaded today) goes
    // out now rather than at the next scheduled scan.
    if (outcome === 'parsed' || outcome === 'needs_review')
      await this.alertsRefresh.request(tenantId);
    return outcome;
  }

  /** After the last attempt: the contract ends `failed`, never stuck in `processing`. */
  async giveUp(
    { tenantId, contractId, parseVersion }: JobPayloads['contract.parse'],
    reason: string,
  ): Promise<void> {
    await this.db.run(tenantId, async () => {
      const locked = await this.contracts.lockForUpdate(tenantId, contractId);
      if (!isCurrent(locked, parseVersion)) return;
      await this.contracts.update(
        tenantId,
        { id: contractId },
        {
          status: 'failed',
          errorCode: 'processing_failed',
          errorMessage: `The document could not be processed after several attempts (${reason}). Try "reparse", or upload it again.`,
        },
      );
    });
  }
}

function isCurrent(c: ContractEntity | null, parseVersion: number): c is ContractEntity {
  return !!c && c.status === 'processing' && c.parseVersion === parseVersion;
}

function needsReview(r: ExtractionResult): boolean {
  if (r.ocrPages.length > 0) return true;
  if (r.terms.parties.length === 0) return true;
  return (['agreementDate', 'effectiveDate', 'expirationDate', 'noticePeriod'] as const).some(
    (f) => r.terms[f] !== null && (r.confidence[f] ?? 1) < REVIEW_CONFIDENCE,
  );
}

/** The counterparty defaults to the second party named (the first is usually the uploader's side, not knowable here). */
function counterpartyOf(r: ExtractionResult): string | null {
  return r.terms.parties[1]?.name ?? r.terms.parties[0]?.name ?? null;
}
