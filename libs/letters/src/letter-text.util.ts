// A blank to fill in travels inside the letter's strings between two private-use characters, so the
// renderers can mark it (highlight in DOCX, grey in PDF) without mistaking a "[...]" in a quoted clause
// for one. Input text is stripped of these characters first.
const BLANK_START = '\uE000';
const BLANK_END = '\uE001';
const BLANK = new RegExp(`${BLANK_START}([^${BLANK_END}]*)${BLANK_END}`, 'g');

/** One run of letter text; `blank` when it is a placeholder for the reader to fill in. */
export interface TextSegment {
  text: string;
  blank: boolean;
}

export function markBlank(placeholder: string): string {
  return `${BLANK_START}${placeholder}${BLANK_END}`;
}

/** Splits letter text into plain runs and blanks, in order. */
export function segments(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(BLANK)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), blank: false });
    out.push({ text: m[1], blank: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), blank: false });
  return out;
}

/** The letter text as a reader sees it (blanks as their placeholders). */
export function plainText(text: string): string {
  return text.replace(BLANK, '$1');
}

// C0/C1 controls (other than line breaks and tabs) and our blank markers never reach a document.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000\uE001]/g;

/**
 * Lines of a free-text value: trimmed, inner runs of spaces collapsed, empty lines dropped; `[]` when the
 * value is missing or blank (`undefined`, `null`, not a string, or only spaces).
 */
export function textLines(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .replace(UNPRINTABLE, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/** A one-line value (lines joined by a space), or `null` when missing. */
export function oneLine(value: unknown): string | null {
  const lines = textLines(value);
  return lines.length ? lines.join(' ') : null;
}

/**
 * A clause as paragraphs: the PDF text's line breaks are layout, so lines join into one paragraph; an empty
 * line (or a line that starts a list item such as "(a)" or "2.") starts a new one. No word is changed.
 */
export function clauseParagraphs(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const paragraphs: string[][] = [[]];
  for (const raw of value.replace(UNPRINTABLE, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    const current = paragraphs[paragraphs.length - 1];
    if (!line) {
      if (current.length) paragraphs.push([]);
    } else if (current.length && /^(\(?[a-z0-9]{1,3}\)|\d{1,2}(\.\d{1,2})*\.?\s)/i.test(line)) {
      paragraphs.push([line]);
    } else {
      current.push(line);
    }
  }
  return paragraphs.filter((p) => p.length).map((p) => p.join(' '));
}

export { normalCaseTitle } from '@cb/domain';
