import { compareDates, durationInUnits, type IsoDuration } from '@cb/domain';
import { letterCatalogue, type LetterCatalogue } from './letter-catalogue';
import {
  clauseParagraphs,
  markBlank,
  normalCaseTitle,
  oneLine,
  textLines,
} from './letter-text.util';
import type { LetterLanguage, NoticeLetterInput } from './notice-letter.types';

/**
 * The letter laid out as text, in one language, before it becomes a PDF or a DOCX: both renderers draw the
 * same content, so the two files always say the same. Strings may carry blanks (see `segments`).
 */
export interface NoticeLetterContent {
  lang: string;
  /** The subject line, also the document's title. */
  subject: string;
  /** The letterhead: the sender's name, then its address and business id lines. */
  sender: { name: string; lines: string[] };
  placeAndDate: string;
  /** The recipient block: name, then address lines. */
  recipient: string[];
  /** Label and value lines naming the agreement and the parties. */
  reference: Array<{ label: string; value: string }>;
  salutation: string | null;
  /** The decision and the end date. */
  opening: string[];
  clauseIntro: string;
  /** The quoted clause in paragraphs, the first opening and the last closing with quotation marks. */
  clause: string[];
  /** The notice deadline, whether this notice is in time, and what holds until the end. */
  closingParagraphs: string[];
  closing: string;
  signature: { company: string; name: string; title: string };
  /** The page footer, e.g. "Page {page} of {pages}". */
  page: string;
}

/** The content of a notice letter in `language`; missing values become marked blanks. */
export function composeNoticeLetter(
  input: NoticeLetterInput,
  language: LetterLanguage,
): NoticeLetterContent {
  const words = letterCatalogue(language);
  const blank = (key: keyof LetterCatalogue['blank']) => markBlank(words.blank[key]);
  const date = (iso: string | null | undefined) => (iso ? words.date(iso) : blank('date'));
  const address = (value: string | null | undefined) => {
    const lines = textLines(value);
    return lines.length ? lines : [blank('address')];
  };

  const senderName = oneLine(input.sender.name) ?? blank('name');
  const recipientName = oneLine(input.recipient?.name) ?? blank('name');
  const senderBusinessId = oneLine(input.sender.businessId);
  const recipientBusinessId = oneLine(input.recipient?.businessId);
  const title = oneLine(input.contract?.title);
  const clause = clauseParagraphs(input.noticeClause?.text);
  const page = input.noticeClause?.page;
  const clausePage = typeof page === 'number' && Number.isInteger(page) && page > 0 ? page : null;
  const [open, close] = words.quotes;
  const deadline = input.noticeDeadline ?? null;
  const inTime = deadline !== null && compareDates(input.letterDate, deadline) <= 0;

  return {
    lang: words.lang,
    subject: words.subject[input.kind],
    sender: {
      name: senderName,
      lines: [
        ...address(input.sender.address),
        ...(senderBusinessId ? [`${words.businessId} ${senderBusinessId}`] : []),
      ],
    },
    placeAndDate: words.placeAndDate(
      oneLine(input.place) ?? blank('place'),
      words.date(input.letterDate),
    ),
    recipient: [
      recipientName,
      ...address(input.recipient?.address),
      ...(recipientBusinessId ? [`${words.businessId} ${recipientBusinessId}`] : []),
    ],
    reference: [
      {
        label: words.reference.agreement,
        value: title ? normalCaseTitle(title, language) : blank('agreementTitle'),
      },
      {
        label:
          input.contract?.dateKind === 'effective'
            ? words.reference.effective
            : words.reference.dated,
        value: date(input.contract?.date),
      },
      { label: words.reference.parties, value: words.reference.both(senderName, recipientName) },
    ],
    salutation: words.salutation,
    opening: [words.decision[input.kind](date(input.endDate))],
    clauseIntro: words.clauseIntro(clausePage),
    clause: clause.length
      ? clause.map((p, i) => `${i === 0 ? open : ''}${p}${i === clause.length - 1 ? close : ''}`)
      : [blank('noticeClause')],
    closingParagraphs: [
      [
        words.deadline[input.kind](durationInWords(input.noticePeriod, words), date(deadline)),
        ...(inTime ? [words.inTime[input.kind]] : []),
      ].join(' '),
      words.untilThen,
      words.confirm[input.kind],
    ],
    closing: words.closing,
    signature: {
      company: senderName,
      name: oneLine(input.sender.signatory?.name) ?? blank('name'),
      title: oneLine(input.sender.signatory?.title) ?? blank('position'),
    },
    page: words.page,
  };
}

/** "P120D" → "120 days", "P1Y6M" → "1 year and 6 months"; null when not a duration. */
function durationInWords(value: IsoDuration | null | undefined, words: LetterCatalogue) {
  const parts = durationInUnits(value).map(([n, unit]) => words.unit(n, unit));
  return parts.length ? words.joinDuration(parts) : null;
}
