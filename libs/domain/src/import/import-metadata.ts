import type { FieldError } from '../common/domain.error';
import { isValidIsoDate, formatIsoDate, daysInMonth } from '../contract/calendar-date';
import { validateTermsPatch } from '../contract/contract-terms';
import type { ContractTerms } from '../contract/contract-terms.types';

/** What the metadata CSV says about one file of an import (every value as set by a person). */
export interface ImportRow {
  /** 1-based line of the CSV the row came from (the header is line 1). */
  line: number;
  /** The path inside the ZIP, with forward slashes. */
  file: string;
  title?: string;
  counterparty?: string;
  tags?: string[];
  /** The contract's owner, by e-mail (lower case); applied if it is a user of the tenant when the file is read. */
  ownerEmail?: string;
  /** The path inside the ZIP of the master agreement this file amends. */
  parentFile?: string;
  /** Term fields, validated: kept as set by a person, so extraction never overwrites them. */
  terms: Partial<ContractTerms>;
}

export interface ImportMetadata {
  rows: ImportRow[];
  errors: FieldError[];
}

const CONTRACT_COLUMNS = ['file', 'title', 'counterparty', 'tags', 'owneremail', 'parentfile'];
const TERM_COLUMNS: Record<string, keyof ContractTerms> = {
  agreementdate: 'agreementDate',
  effectivedate: 'effectiveDate',
  expirationdate: 'expirationDate',
  perpetual: 'perpetual',
  initialterm: 'initialTerm',
  autorenewal: 'autoRenewal',
  renewalterm: 'renewalTerm',
  noticeperiod: 'noticePeriod',
  governinglaw: 'governingLaw',
  terminationforconvenience: 'terminationForConvenience',
  contractvalue: 'contractValue',
  paymentterms: 'paymentTerms',
};
const DATE_TERMS = new Set(['agreementDate', 'effectiveDate', 'expirationDate']);
const DURATION_TERMS = new Set(['initialTerm', 'renewalTerm', 'noticePeriod']);
const BOOLEAN_TERMS = new Set(['perpetual', 'autoRenewal', 'terminationForConvenience']);

/** Splits CSV text into records (RFC 4180: quotes, doubled quotes, line breaks inside quotes). */
export function parseCsvRecords(
  text: string,
  delimiter: string,
): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const push = () => {
    cells.push(cell);
    cell = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delimiter) push();
    else if (c === '\n' || c === '\r') {
      push();
      records.push({ line: recordLine, cells });
      cells = [];
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else cell += c;
    i++;
  }
  if (cell !== '' || cells.length) {
    push();
    records.push({ line: recordLine, cells });
  }
  return records.filter((r) => r.cells.some((x) => x.trim() !== ''));
}

/** The separator of a CSV: `;` (what Excel writes in Nordic locales) or `,`, judged by the header line. */
export function detectDelimiter(header: string): ';' | ',' {
  const count = (ch: string) => header.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** A date as people write it: ISO `2025-01-31`, or day first `31.1.2025`, `31/01/2025`, `31-01-2025`. */
export function parseFlexibleDate(value: string): string | null {
  const v = value.trim();
  if (isValidIsoDate(v)) return v;
  const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(v);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return formatIsoDate({ year, month, day });
}

const UNIT: Record<string, string> = {
  d: 'D',
  day: 'D',
  days: 'D',
  päivä: 'D',
  päivää: 'D',
  dag: 'D',
  dagar: 'D',
  w: 'W',
  week: 'W',
  weeks: 'W',
  viikko: 'W',
  viikkoa: 'W',
  vecka: 'W',
  veckor: 'W',
  m: 'M',
  month: 'M',
  months: 'M',
  kuukausi: 'M',
  kuukautta: 'M',
  månad: 'M',
  månader: 'M',
  y: 'Y',
  year: 'Y',
  years: 'Y',
  vuosi: 'Y',
  vuotta: 'Y',
  år: 'Y',
};

/** A duration: ISO `P3M`, or `3 months`, `90 days`, `1 year` (also in Finnish and Swedish). */
export function parseFlexibleDuration(value: string): string | null {
  const v = value.trim();
  if (/^P/i.test(v)) return v.toUpperCase();
  const m = /^(\d{1,4})\s*([\p{L}]+)$/u.exec(v);
  const unit = m ? UNIT[m[2]!.toLowerCase()] : undefined;
  return m && unit ? `P${Number(m[1])}${unit}` : null;
}

function parseBoolean(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 'kyllä', 'ja'].includes(v)) return true;
  if (['false', 'no', 'n', '0', 'ei', 'nej'].includes(v)) return false;
  return null;
}

/** `48000 EUR`, `EUR 48000`, `48 000,50 EUR`. */
function parseMoney(value: string): { amount: number; currency: string } | null {
  const v = value.trim().replace(/\u00a0/g, ' ');
  const m = /^([A-Za-z]{3})\s*([\d\s.,]+)$/.exec(v) ?? /^([\d\s.,]+)\s*([A-Za-z]{3})$/.exec(v);
  if (!m) return null;
  const [num, cur] = /^[A-Za-z]/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
  let n = num.replace(/\s/g, '');
  if (/,\d{1,2}$/.test(n)) n = n.replace(/\./g, '').replace(',', '.');
  else n = n.replace(/,/g, '');
  const amount = Number(n);
  return Number.isFinite(amount) ? { amount, currency: cur.toUpperCase() } : null;
}

/** A path inside a ZIP as the CSV names it: forward slashes, no leading `./` or `/`. */
export function normalizeImportPath(path: string): string {
  return path
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/|\/)+/, '');
}

/**
 * Reads an import's metadata CSV: a UTF-8 BOM is skipped, the separator is `;` or `,` (judged by the header),
 * column names are matched without regard to case, a `file` column is required, dates may be ISO or day
 * first, durations ISO or "3 months", booleans yes/no. Every problem names its line (and column), so a person
 * can fix the spreadsheet; a file named twice is an error on the second line.
 */
export function parseImportMetadata(input: string): ImportMetadata {
  const text = input.replace(/^\uFEFF/, '');
  const errors: FieldError[] = [];
  const fail = (line: number, message: string) =>
    errors.push({ field: 'metadata', message: `line ${line}: ${message}` });
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const records = parseCsvRecords(text, detectDelimiter(firstLine));
  const header = records.shift();
  if (!header) return { rows: [], errors: [{ field: 'metadata', message: 'the CSV is empty' }] };
  const columns = header.cells.map((c) =>
    c
      .trim()
      .replace(/^\uFEFF/, '')
      .toLowerCase(),
  );
  columns.forEach((c, i) => {
    if (c === '' || (!CONTRACT_COLUMNS.includes(c) && !(c in TERM_COLUMNS)))
      fail(header.line, `unknown column "${header.cells[i]?.trim() ?? ''}"`);
  });
  if (!columns.includes('file'))
    fail(header.line, 'a "file" column (the path inside the ZIP) is required');
  if (errors.length) return { rows: [], errors };
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const at = record.line;
    if (record.cells.length > columns.length) {
      fail(at, `${record.cells.length} values for ${columns.length} columns`);
      continue;
    }
    const value = (col: string) => {
      const i = columns.indexOf(col);
      const v = i >= 0 ? record.cells[i]?.trim() : undefined;
      return v ? v : undefined;
    };
    const file = value('file');
    if (!file) {
      fail(at, 'the file column is empty');
      continue;
    }
    const path = normalizeImportPath(file);
    if (seen.has(path)) {
      fail(at, `"${path}" is already described on line ${seen.get(path)}`);
      continue;
    }
    seen.set(path, at);
    const row: ImportRow = { line: at, file: path, terms: {} };
    const title = value('title');
    if (title) {
      if (title.length > 300) fail(at, 'title is longer than 300 characters');
      else row.title = title;
    }
    const counterparty = value('counterparty');
    if (counterparty) {
      if (counterparty.length > 300) fail(at, 'counterparty is longer than 300 characters');
      else row.counterparty = counterparty;
    }
    const tags = value('tags');
    if (tags) {
      const list = [
        ...new Set(
          tags
            .split(/[;|]/)
            .map((t) => t.trim())
            .filter(Boolean),
        ),
      ];
      if (list.some((t) => t.length > 50)) fail(at, 'a tag is longer than 50 characters');
      else row.tags = list;
    }
    const owner = value('owneremail');
    if (owner) {
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(owner))
        fail(at, `ownerEmail "${owner}" is not an e-mail address`);
      else row.ownerEmail = owner.toLowerCase();
    }
    const parent = value('parentfile');
    if (parent) {
      row.parentFile = normalizeImportPath(parent);
      if (row.parentFile === path) fail(at, 'parentFile names the file itself');
    }
    const raw: Record<string, unknown> = {};
    // In the order of the CSV's columns, so errors read left to right.
    for (const column of columns.filter((c) => c in TERM_COLUMNS)) {
      const field = TERM_COLUMNS[column]!;
      const v = value(column);
      if (v === undefined) continue;
      let parsed: unknown = v;
      if (DATE_TERMS.has(field)) parsed = parseFlexibleDate(v);
      else if (DURATION_TERMS.has(field)) parsed = parseFlexibleDuration(v);
      else if (BOOLEAN_TERMS.has(field)) parsed = parseBoolean(v);
      else if (field === 'contractValue') parsed = parseMoney(v);
      if (parsed === null) {
        const hint = DATE_TERMS.has(field)
          ? 'a date such as 2025-01-31 or 31.1.2025'
          : DURATION_TERMS.has(field)
            ? 'a duration such as P3M or 3 months'
            : BOOLEAN_TERMS.has(field)
              ? 'yes or no'
              : 'an amount and currency such as 48000 EUR';
        fail(at, `${field} "${v}" is not ${hint}`);
        continue;
      }
      raw[field] = parsed;
    }
    const { patch, errors: termErrors } = validateTermsPatch(raw);
    for (const e of termErrors) fail(at, `${e.field.replace(/^terms\./, '')} ${e.message}`);
    row.terms = patch;
    rows.push(row);
  }
  return { rows, errors };
}

/** The folders of a path inside a ZIP, which become the contract's tags (`Suppliers/2024/a.pdf`). */
export function folderTags(path: string): string[] {
  const parts = path
    .split('/')
    .slice(0, -1)
    .map((p) => p.trim())
    .filter(Boolean);
  return [...new Set(parts.map((p) => p.slice(0, 50)))];
}

/** Files a ZIP carries that are no one's documents: macOS resource forks, hidden files (`.DS_Store`). */
export function isIgnoredImportEntry(path: string): boolean {
  const parts = path.split('/');
  const hidden = (p: string) => p.startsWith('.') && p !== '.' && p !== '..';
  return parts[0] === '__MACOSX' || parts.some(hidden) || /(^|\/)Thumbs\.db$/i.test(path);
}
