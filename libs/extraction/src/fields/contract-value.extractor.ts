import type { Money } from '@cb/domain';
import { cue } from '../document/contract-document';
import { findMoney } from '../parse/money-parse';
import { candidate, type Candidate, type FieldExtractor } from './field-extractor.types';

type Period = 'total' | 'annual' | 'monthly' | 'quarterly' | 'one_off' | 'hourly' | 'unspecified';

// How often an amount is due, from the fee's own words or what follows the amount ("per month", "/kk", "i månaden").
const PERIODS: Array<[Period, RegExp]> = [
  [
    'hourly',
    /\b(?:hourly|per\s+hour|an\s+hour|tunti\w*|tunnilta|per\s+timme|i\s+timmen|tim(?:pris|arvode)\w*|\/\s?h\b)/i,
  ],
  [
    'monthly',
    /\b(?:monthly|per\s+month|a\s+month|each\s+month|kuukausi\w*|kuukaudessa|\/\s?kk|\/\s?kuukausi|månads\w*|per\s+månad|i\s+månaden|\/\s?mån(?:ad)?)/i,
  ],
  ['quarterly', /\b(?:quarterly|per\s+quarter|neljännesvuo\w*|kvartal\w*)/i],
  [
    'annual',
    /\b(?:annual\w*|yearly|per\s+(?:annum|year)|a\s+year|each\s+year|vuosi\w*|vuodessa|\/\s?v(?:uosi)?\b|års\w*|per\s+år|om\s+året|\/\s?år|årlig\w*)/i,
  ],
  [
    'one_off',
    /\b(?:one-?time|one-?off|kertaluonteinen|kertamaksu|aloitusmaksu|engångs\w*|startavgift)/i,
  ],
];
const MAX_CANDIDATES = 4;

/**
 * The contract's value from its fees clause, as stated: a total, else an annual fee, else a monthly or
 * quarterly fee, else a one-off amount, with the currency as written ("48 000,00 €", "12 500 kr",
 * "EUR 48,000", "$120,000 per year"). The amount is never multiplied out: the period stays in the evidence
 * and in the candidate's rule (fee_total, fee_annual, fee_monthly, ...). Amounts without a currency are not
 * read: no currency is assumed.
 */
export const contractValueExtractor: FieldExtractor<'contractValue'> = {
  field: 'contractValue',
  requires: [],
  propose(doc) {
    const view = doc.view;
    const out: Candidate<Money>[] = [];
    const seen = new Set<number>();
    for (const m of view.flat.matchAll(cue(doc.lexicon.cues.fee))) {
      const sentence = view.sentenceAt(m.index + 1, 500);
      const amounts = findMoney(
        view.flat.slice(m.index, Math.min(sentence.end, m.index + 250)),
        m.index,
        doc.lexicon,
      ).filter((a) => !seen.has(a.start));
      // "285,00 euroa kuukaudessa hissiä kohden eli yhteensä 570,00 euroa": the total of the sentence wins.
      const total = amounts.find((a) =>
        TOTAL_WORD.test(view.flat.slice(Math.max(m.index, a.start - 30), a.start)),
      );
      for (const money of total
        ? [total, ...amounts.filter((a) => a !== total)]
        : amounts.slice(0, 2)) {
        seen.add(money.start);
        const period = periodOf(
          m[0],
          view.flat.slice(money.end, money.end + 40),
          view.flat.slice(m.index, money.end + 40),
        );
        out.push(
          candidate(
            money.value,
            [view.span(sentence.start, sentence.end)],
            `fee_${period}`,
            period === 'total' ? 0.7 : 0.6,
            {
              rank: out.length,
              [`period:${period}`]: 1,
              nearCue: money.start - m.index < 80 ? 1 : 0,
              sentenceTotal: money === total ? 1 : 0,
            },
          ),
        );
      }
      if (out.length >= MAX_CANDIDATES) break;
    }
    // A stated total wins over a recurring fee, which wins over a one-off amount.
    const order: Period[] = [
      'total',
      'annual',
      'monthly',
      'quarterly',
      'one_off',
      'unspecified',
      'hourly',
    ];
    return out.sort((a, b) => order.indexOf(ruleOf(a)) - order.indexOf(ruleOf(b)));
  },
};

const TOTAL_WORD = /\b(?:yhteensä|totalt|sammanlagt|in\s+total|total\s+of|eli)\s*$/i;

function ruleOf(c: Candidate<Money>): Period {
  return c.rule.replace(/^fee_/, '') as Period;
}

function periodOf(feeWords: string, afterAmount: string, words: string): Period {
  for (const [period, re] of PERIODS) if (re.test(afterAmount) || re.test(feeWords)) return period;
  if (
    /\b(?:total|aggregate|kokonais\w*|yhteensä|totalt?|sammanlagt|(?:avtalets|ramavtalets)\s+(?:totala\s+)?värde|värdet\s+av|sopimuksen\s+(?:kokonais)?arvo|contract\s+(?:value|price))/i.test(
      words,
    )
  )
    return 'total';
  for (const [period, re] of PERIODS) if (re.test(words)) return period;
  return 'unspecified';
}
