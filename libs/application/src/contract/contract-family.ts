import { mergeTerms, type AmendmentInput } from '@cb/domain';
import type { ContractEntity } from '@cb/persistence';

/** An amendment row as the domain's termsInForce reads it: its own terms as a person sees them. */
export function amendmentInput(c: ContractEntity): AmendmentInput {
  return {
    id: c.id,
    title: c.title ?? c.extractedTerms?.title ?? c.fileName,
    terms: mergeTerms(c.extractedTerms, c.userTerms),
    evidence: c.evidence ?? {},
    createdAt: c.createdAt.toISOString(),
  };
}
