import { Logger } from '@nestjs/common';
import {
  evidenceAfterParse,
  findAmendmentReference,
  finishedEvent,
  isLikelyMaster,
  isCurrentParse,
  parseFailed,
  parseSucceeded,
  proposedCounterparty,
  type ContractStatus,
} from '@cb/domain';
import type { ExtractionResult } from '@cb/extraction';
import type { JobPayloads, JobPublisher } from '@cb/jobs';
import type {
  ContractEntity,
  ContractEventsRepository,
  ContractsRepository,
  TenantDb,
} from '@cb/persistence';
import { reviewReasonsOf } from './contract-review';
import type { RecomputeDeadlines } from './recompute-deadlines.use-case';

export type ParseOutcome = 'parsed' | 'needs_review' | 'failed' | 'skipped';
type Finished = Exclude<ContractStatus, 'processing'>;

/**
 * Records what a parse found, in one transaction: the contract's final status (the lifecycle and its review
 * policy), its terms and deadlines, and the contract event (the outbox row) that webhooks, alerts and the live
 * status consume. Applies only to the current parse (isCurrentParse); the event is handed over after the commit.
 */
export class RecordParseResult {
  private readonly logger = new Logger(RecordParseResult.name);

  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly events: ContractEventsRepository,
    private readonly recompute: RecomputeDeadlines,
    private readonly jobs: JobPublisher,
  ) {}

  async execute(p: JobPayloads['contract.parse'], result: ExtractionResult): Promise<ParseOutcome> {
    const { tenantId, contractId, parseVersion } = p;
    const recorded = await this.db.run(tenantId, async () => {
      const locked = await this.contracts.lockForUpdate(tenantId, contractId);
      if (!isCurrentParse(locked, parseVersion)) return null;
      if (result.status === 'failed') {
        const failed = parseFailed(result.error);
        await this.contracts.update(
          tenantId,
          { id: contractId },
          { ...failed, pages: result.pages || null, reviewReasons: [], candidates: {} },
        );
        return this.announce(tenantId, locked, 'failed', locked.title, failed);
      }
      // The engine's reasons, recomputed over the terms in force: a person's corrections survive a reparse
      // and stay out of review.
      const evidence = evidenceAfterParse(result, locked.userTerms, locked.evidence ?? {});
      const reviewReasons = reviewReasonsOf({
        language: result.language,
        extractedTerms: result.terms,
        userTerms: locked.userTerms,
        confidence: result.confidence,
        evidence,
        ocrPages: result.ocrPages,
      });
      const read = parseSucceeded(reviewReasons);
      const title = locked.title ?? result.terms.title ?? null;
      await this.recompute.execute(
        tenantId,
        locked,
        { extracted: { terms: result.terms, obligations: result.obligations } },
        {
          ...read,
          pages: result.pages,
          ocrPages: result.ocrPages,
          text: result.text,
          pageStarts: result.pageStarts,
          evidence,
          confidence: result.confidence,
          language: result.language,
          candidates: result.candidates,
          reviewReasons,
          title,
          counterparty: locked.counterparty ?? proposedCounterparty(result.terms.parties),
        },
      );
      if (!locked.parentId) await this.suggestMaster(tenantId, contractId, result);
      this.logger.log(
        {
          tenantId,
          contractId,
          status: read.status,
          reviews: reviewReasons.map((r) => r.code),
          pages: result.pages,
          ms: result.ms,
        },
        'Contract parsed',
      );
      return this.announce(tenantId, locked, read.status as Finished, title, read);
    });
    if (!recorded) return 'skipped';
    if (recorded.eventId !== null)
      await this.jobs.tryPublish('contract-event.publish', { tenantId, eventId: recorded.eventId });
    return recorded.status;
  }

  /**
   * A document that calls itself an amendment to an agreement with the same parties and title in this bank:
   * that agreement is proposed as its master, with the sentence that says so (a person links it).
   */
  private async suggestMaster(
    tenantId: string,
    contractId: string,
    result: ExtractionResult,
  ): Promise<void> {
    const reference = findAmendmentReference(result.text);
    let suggested: string | null = null;
    if (reference) {
      const amendment = { parties: result.terms.parties, reference };
      const master = (await this.contracts.masterCandidates(tenantId, contractId)).find(
        (c) =>
          isLikelyMaster(amendment, { title: c.title, parties: c.terms?.parties ?? [] }) ||
          isLikelyMaster(amendment, {
            title: c.terms?.title ?? null,
            parties: c.terms?.parties ?? [],
          }),
      );
      suggested = master?.id ?? null;
    }
    await this.contracts.update(
      tenantId,
      { id: contractId },
      { suggestedParentId: suggested, parentSuggestion: suggested ? reference : null },
    );
  }

  /** Appends the finished parse's event inside the transaction (see GiveUpParse for the other writer). */
  private async announce(
    tenantId: string,
    contract: ContractEntity,
    status: Finished,
    title: string | null,
    outcome: { errorCode: string | null; errorMessage: string | null },
  ): Promise<{ status: Finished; eventId: number | null }> {
    const eventId = await appendFinishedEvent(
      this.events,
      tenantId,
      contract,
      status,
      title,
      outcome,
    );
    return { status, eventId };
  }
}

/** The outbox row of a finished parse: written in the transaction that records the final status. */
export function appendFinishedEvent(
  events: ContractEventsRepository,
  tenantId: string,
  contract: ContractEntity,
  status: Finished,
  title: string | null,
  outcome: { errorCode: string | null; errorMessage: string | null },
): Promise<number | null> {
  return events.append(tenantId, {
    contractId: contract.id,
    parseVersion: contract.parseVersion,
    type: finishedEvent(status) ?? 'contract.failed',
    status,
    data: {
      title: title ?? contract.fileName,
      ...(status === 'failed'
        ? { error: { code: outcome.errorCode ?? 'failed', message: outcome.errorMessage ?? '' } }
        : {}),
    },
  });
}
