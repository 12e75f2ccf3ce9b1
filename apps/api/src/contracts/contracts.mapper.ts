import type { ContractRecord } from '@cb/application';
import { mergeTerms, termSources } from '@cb/domain';
import type { ContractListResponseDto, ContractResponseDto } from './dto/contract.dto';

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

export function toContractList(
  page: { data: ContractRecord[]; nextCursor: string | null },
  expand: string | undefined,
): ContractListResponseDto {
  const parts = (expand ?? '').split(',');
  const candidates = parts.includes('candidates') || parts.includes('evidence');
  return {
    data: page.data.map((r) => toContractResponse(r, { candidates })),
    nextCursor: page.nextCursor,
  };
}
