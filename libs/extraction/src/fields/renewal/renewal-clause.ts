import type { EvidenceSpan } from '@cb/domain';
import { memoized, type ContractDocument } from '../../document/contract-document';
import type { FoundDuration } from '../../parse/duration-parse';
import { englishRenewalReadings } from './renewal-clause.en';
import { lexiconRenewalReadings } from './renewal-clause.nordic';

/** What one renewal sentence says: automatic or by option, for how long, and the notice to stop it. */
export interface RenewalReading {
  start: number;
  end: number;
  rank: number;
  automatic: boolean;
  /** How the sentence says it renews ("automatic", "evergreen", "tacit", "unless_notice", "option"...). */
  kind: string;
  prior: number;
  evidence: EvidenceSpan[];
  renewalTerm: FoundDuration | null;
  /** "jatkuu tämän jälkeen toistaiseksi": the renewal runs into an indefinite term. */
  indefiniteRenewal: boolean;
  notice: FoundDuration | null;
}

/** The renewal sentences of the document, automatic ones first, in reading order. */
export function renewalReadings(doc: ContractDocument): RenewalReading[] {
  return memoized(doc, 'renewalReadings', () =>
    doc.language === 'en' ? englishRenewalReadings(doc) : lexiconRenewalReadings(doc),
  );
}
