import { cue } from '../document/contract-document';
import { candidate, type Candidate, type FieldExtractor } from './field-extractor.types';

const NET_TERMS =
  /\b(?:net|within)\s+(?:thirty|forty-five|sixty|ninety|fifteen|ten|\d{1,3})\s*(?:\(\d{1,3}\)\s*)?(?:calendar\s+)?days?\b(?:\s+(?:of|after|from|following)\s+(?:the\s+)?(?:date\s+of\s+)?(?:receipt\s+of\s+(?:an?\s+|the\s+)?(?:invoice|statement)|invoice(?:\s+date)?))|\bnet\s+\d{1,3}\b|\b(?:annually|quarterly|monthly)\s+in\s+advance\b/gi;
const PAYMENT_CONTEXT =
  /\b(?:pay|paid|payment|payable|invoice|due|remit|maksu|lasku|betal|faktur)/i;

/** The payment terms ("net 30", "within 30 days of receipt of invoice", "14 päivää netto", "30 dagar netto"). */
export const paymentTermsExtractor: FieldExtractor<'paymentTerms'> = {
  field: 'paymentTerms',
  requires: [],
  propose(doc) {
    const view = doc.view;
    const out: Candidate<string>[] = [];
    const sources =
      doc.language === 'en' ? [NET_TERMS] : [cue(doc.lexicon.cues.paymentTerms), NET_TERMS];
    for (const re of sources) {
      for (const m of view.flat.matchAll(re)) {
        const before = view.lower.slice(Math.max(0, m.index - 150), m.index);
        if (!PAYMENT_CONTEXT.test(before + m[0].toLowerCase())) continue;
        out.push(
          candidate(
            m[0].replace(/\s+/g, ' ').trim(),
            [view.span(m.index, m.index + m[0].length)],
            re === NET_TERMS ? 'net_days' : 'lexicon',
            0.6,
            {
              rank: out.length,
            },
          ),
        );
        if (out.length >= 3) return out;
      }
    }
    return out;
  },
};
