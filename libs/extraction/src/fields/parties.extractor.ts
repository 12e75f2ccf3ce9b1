import type { Party } from '@cb/domain';
import type { ContractDocument } from '../document/contract-document';
import { candidate, type Candidate, type FieldExtractor } from './field-extractor.types';
import { fromBetween, fromBusinessIds, fromCoverLines, fromRoleLabels } from './parties/nordic';
import { fromLegalNames } from './parties/legal-names';
import { LEGAL_SUFFIX, type PartiesFinding } from './parties/party-words';
import { fromCoverPage, fromOpeningParagraph, fromPreamble } from './parties/preamble';
import { fromPartyLabels, fromSignatureBlocks } from './parties/signature-blocks';

const ONLY_LEGAL_FORM = new RegExp(`^(?:${LEGAL_SUFFIX.source.replace(/^\^/, '')})$`, 'i');

/** The defined-term labels of a proposed list of parties ("Supplier" → "Acme Corp."), for obligations. */
export const partyLabels = new WeakMap<Party[], PartiesFinding['labels']>();

type Rule = [string, (doc: ContractDocument) => PartiesFinding | null];
const ENGLISH_RULES: Rule[] = [
  ['preamble', (d) => fromPreamble(d.view)],
  ['party_letters', (d) => fromPartyLabels(d.view)],
  ['cover_page', (d) => fromCoverPage(d.view)],
  ['opening_paragraph', (d) => fromOpeningParagraph(d.view)],
  ['signature_blocks', (d) => fromSignatureBlocks(d.view)],
  ['legal_names', (d) => fromLegalNames(d.view)],
];
const NORDIC_RULES: Rule[] = [
  ['business_ids', fromBusinessIds],
  ['role_labels', fromRoleLabels],
  ['between', fromBetween],
  ['cover_lines', fromCoverLines],
  ...ENGLISH_RULES.slice(0, 1),
];

/** The contracting parties with their roles, without their defined-term labels. */
export const partiesExtractor: FieldExtractor<'parties'> = {
  field: 'parties',
  requires: [],
  propose(doc) {
    const out: Candidate<Party[]>[] = [];
    for (const [rule, read] of doc.language === 'en' ? ENGLISH_RULES : NORDIC_RULES) {
      const raw = read(doc);
      // A legal form alone ("L.P." split off "HPS MEZZANINE PARTNERS II OFFSHORE GP, L.P.") names nobody.
      const found = raw && {
        ...raw,
        parties: raw.parties.filter((p) => !ONLY_LEGAL_FORM.test(p.name.trim())),
      };
      if (!found || found.parties.length === 0) continue;
      partyLabels.set(found.parties, found.labels);
      out.push(
        candidate(found.parties, found.evidence, rule, found.confidence, {
          count: Math.min(found.parties.length, 6),
          single: found.parties.length === 1 ? 1 : 0,
          withRoles: found.parties.filter((p) => p.role).length / found.parties.length,
        }),
      );
    }
    return out;
  },
};
