import type { ContractRecord } from '@cb/application';
import { mergeTerms, termSources } from '@cb/domain';
import type { ContractListResponseDto, ContractResponseDto } from './dto/contract.dto';

export function toContractResponse({
  contract: c,
  obligations,
}: ContractRecord): ContractResponseDto {
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
    },
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
  } as ContractResponseDto;
}

export function toContractList(page: {
  data: ContractRecord[];
  nextCursor: string | null;
}): ContractListResponseDto {
  return { data: page.data.map(toContractResponse), nextCursor: page.nextCursor };
}
