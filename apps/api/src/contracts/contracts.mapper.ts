import type { ContractRecord } from '@cb/application';
import { mergeTerms, termSources } from '@cb/domain';
import type {
  ContractListResponseDto,
  ContractResponseDto,
  ContractSummaryDto,
} from './dto/contract.dto';

export interface ContractParts {
  /** Include the candidates (the contract resource always does; a list only when expanded). */
  candidates: boolean;
}

export function toContractResponse(
  { contract: c, obligations, amendments, family, decision }: ContractRecord,
  parts: ContractParts = { candidates: true },
): ContractResponseDto {
  // Confidence is the engine's, for the values it read: a person's value has none.
  const confidence = Object.fromEntries(
    Object.entries(c.confidence).filter(([field]) => !(field in c.userTerms)),
  );
  return {
    id: c.id,
    title: c.title,
    status: c.status,
    error: c.errorCode ? { code: c.errorCode, message: c.errorMessage ?? '' } : null,
    counterparty: c.counterparty,
    tags: c.tags,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    file: {
      name: c.fileName,
      size: c.fileSize,
      sha256: c.fileSha256,
      mediaType: c.mediaType,
      pages: c.pages,
    },
    terms: mergeTerms(c.extractedTerms, c.userTerms),
    evidence: c.evidence,
    termSources: termSources(c.extractedTerms, c.userTerms),
    deadlines: {
      noticeDeadline: c.noticeDeadline,
      nextRenewalDate: c.nextRenewalDate,
      expirationDate: c.expirationDate,
      noticeRenewalDate: c.noticeRenewalDate,
      endingOn: c.endingOn,
    },
    decision: decision
      ? {
          decision: decision.decision,
          noticeSentOn: decision.noticeSentOn,
          note: decision.note,
          decidedBy: {
            type: decision.actorType,
            id: decision.actorId,
            name: decision.decidedByName,
          },
          decidedAt: decision.decidedAt.toISOString(),
          deadline: decision.deadline,
        }
      : null,
    obligations: obligations.map((o) => ({
      id: o.id,
      party: o.party,
      kind: o.kind,
      text: o.text,
      dueDate: o.dueDate,
      recurrence: o.recurrence,
      status: o.status,
      evidence: o.evidence,
    })),
    language: c.language,
    confidence,
    reviewReasons: c.status === 'needs_review' ? c.reviewReasons : [],
    ...(parts.candidates ? { candidates: c.candidates } : {}),
    parentId: c.parentId,
    ownerId: c.ownerId,
    amendments: family
      ? family.amendments.map((a) => ({
          id: a.id,
          title: a.title,
          effectiveDate: a.effectiveDate,
          inForce: a.inForce,
          changes: a.changes,
        }))
      : (amendments ?? []),
    ...(family
      ? { termsInForce: family.termsInForce, parentSuggestion: family.parentSuggestion }
      : {}),
  } as ContractResponseDto;
}

/** What `expand` asks a list to include beyond the summaries. */
export function listParts(expand: string | undefined): {
  evidence: boolean;
  obligations: boolean;
  candidates: boolean;
} {
  const parts = (expand ?? '').split(',');
  return {
    evidence: parts.includes('evidence') || parts.includes('candidates'),
    obligations: parts.includes('obligations'),
    candidates: parts.includes('candidates') || parts.includes('evidence'),
  };
}

/** A contract in a list: the contract without evidence, candidates and obligations unless expanded. */
export function toContractSummary(
  record: ContractRecord,
  parts: ReturnType<typeof listParts>,
): ContractSummaryDto {
  const full = toContractResponse(record, { candidates: parts.candidates });
  const { evidence, obligations, candidates, ...summary } = full;
  return {
    ...summary,
    ...(parts.evidence ? { evidence } : {}),
    ...(parts.candidates && candidates ? { candidates } : {}),
    ...(parts.obligations ? { obligations } : {}),
    ...(record.search ? { snippet: record.search.snippet, rank: record.search.rank } : {}),
  };
}

export function toContractList(
  page: { data: ContractRecord[]; nextCursor: string | null },
  parts: ReturnType<typeof listParts>,
): ContractListResponseDto {
  return {
    data: page.data.map((r) => toContractSummary(r, parts)),
    nextCursor: page.nextCursor,
  };
}
