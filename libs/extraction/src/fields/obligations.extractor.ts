import type { ExtractedObligation, ObligationKind, Party } from '@cb/domain';
import { cue, type ContractDocument } from '../document/contract-document';
import { findDates } from '../parse/date-parse';

const KIND_RULES: Array<[ObligationKind, RegExp]> = [
  [
    'payment',
    /\bshall\s+(?:promptly\s+)?(?:pay|reimburse|remit)\b|\bshall\s+be\s+(?:paid|payable)\b/i,
  ],
  [
    'insurance',
    /\bshall\s+(?:obtain\s+and\s+)?(?:maintain|procure|carry|obtain|keep)\b[^.]{0,80}\binsurance\b/i,
  ],
  [
    'audit',
    /\bshall\s+(?:permit|allow)\b[^.]{0,120}\b(?:audit|inspect|examine)\b|\bshall\s+(?:keep|maintain)\b[^.]{0,60}\b(?:books|records)\b/i,
  ],
  [
    'reporting',
    /\bshall\s+(?:provide|deliver|submit|furnish|send)\b[^.]{0,80}\b(?:reports?|statements?(?!\s+of\s+work)|forecasts?|accounting)\b/i,
  ],
  ['delivery', /\bshall\s+(?:deliver|ship|supply)\b/i],
  [
    'confidentiality',
    /\bshall\s+(?:hold|keep|maintain|treat)\b[^.]{0,60}\b(?:confiden|in\s+(?:strict\s+)?confidence|secret)\b/i,
  ],
];
const RECURRENCE: Array<[RegExp, string]> = [
  [
    /\b(?:monthly|each\s+(?:calendar\s+)?month|every\s+month|per\s+month|kuukausittain|månadsvis|varje\s+månad)\b/i,
    'P1M',
  ],
  [
    /\b(?:quarterly|each\s+(?:calendar\s+)?quarter|every\s+(?:three|3)\s+months|per\s+quarter|neljännesvuosittain|kvartalsvis)\b/i,
    'P3M',
  ],
  [/\b(?:semi-?annual(?:ly)?|every\s+six\s+months|twice\s+(?:a|per)\s+year)\b/i, 'P6M'],
  [
    /\b(?:annual(?:ly)?|each\s+(?:calendar\s+|contract\s+)?year|every\s+year|per\s+year|yearly|vuosittain|årligen|varje\s+år)\b/i,
    'P1Y',
  ],
  [/\b(?:weekly|each\s+week|every\s+week)\b/i, 'P1W'],
];
const MAX_OBLIGATIONS = 40;

/**
 * Duties with a named obligor: "<Party> shall pay / deliver / provide reports / maintain insurance / permit audits /
 * keep confidential ...", with a due date or a recurrence when the sentence states one. Precision over recall:
 * the subject must be a party (by name, role or defined label) or "each party"/"either party".
 */
export function findObligations(
  doc: ContractDocument,
  parties: Party[],
  labels: Array<{ label: string; name: string }>,
): ExtractedObligation[] {
  const view = doc.view;
  const lexicon = doc.lexicon;
  const subjects = new Map<string, string>();
  for (const p of parties) {
    subjects.set(p.name.toLowerCase(), p.name);
    if (p.role) subjects.set(p.role.toLowerCase(), p.name);
  }
  // A defined label ("Supplier", "MD Anderson") stands for the party's legal name.
  for (const { label, name } of labels) subjects.set(label.toLowerCase(), name);
  const names = [...subjects.keys()]
    .filter((s) => s.length >= 2)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  const subject = `(?:the\\s+)?(${[...names, lexicon.eachParty].join('|')})`;
  const re = cue(`(?:^|[.;:]\\s+|\\n|\\)\\s+)${subject}\\s+${lexicon.obligationModal}\\s+`);
  // English duties read "shall pay ..."; other languages list their own verbs per kind.
  const kindOf = (text: string): ObligationKind | null =>
    lexicon.language === 'en'
      ? (KIND_RULES.find(([, r]) =>
          r.test(text.replace(/\b(?:will|must|agrees\s+to)\b/i, 'shall')),
        )?.[0] ?? null)
      : (lexicon.obligationKinds.find(([, r]) =>
          cue(`${lexicon.obligationModal}\\s+${r}`, 'iu').test(text),
        )?.[0] ?? null);
  const out: ExtractedObligation[] = [];
  const seen = new Set<number>();
  for (const m of view.flat.matchAll(re)) {
    const at = m.index + m[0].indexOf(m[1]);
    const sentence = view.sentenceAt(at + 1, 700);
    if (seen.has(sentence.start)) continue;
    const text = view.flat.slice(at, sentence.end).trim();
    if (text.length < 25 || text.length > 700) continue;
    const kind = kindOf(text);
    if (!kind) continue;
    seen.add(sentence.start);
    const who = m[1].toLowerCase().replace(/\s+/g, ' ');
    const party =
      subjects.get(who) ??
      (cue(`^(?:${lexicon.eachParty})$`, 'iu').test(who) ? 'each party' : m[1]);
    const due = findDates(text, 0, lexicon)[0];
    const recurrence = RECURRENCE.find(([r]) => r.test(text))?.[1] ?? null;
    out.push({
      party,
      kind,
      text: view.text.slice(at, sentence.end).replace(/\s+/g, ' ').trim(),
      dueDate: due ? due.iso : null,
      recurrence,
      evidence: [view.span(at, sentence.end)],
    });
    if (out.length >= MAX_OBLIGATIONS) break;
  }
  return out;
}
