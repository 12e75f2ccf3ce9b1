// Integrity of the Finnish and Swedish test contracts (test/fixtures/nordic): every label points at text that is
// really in its contract, every file is there, dates are real dates, and the term arithmetic of TERMS.md holds.
// The label values themselves are a person's reading of each contract; this spec keeps them honest mechanically.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(__dirname, '../fixtures/nordic');
// Issue 11 item 5 asks for at least 20 of each language; the set has 32 of each.
const MIN_PER_LANGUAGE = 30;

interface Duration {
  value: number;
  unit: 'day' | 'week' | 'month' | 'year';
}
interface NordicLabel {
  id: string;
  language: 'fi' | 'sv';
  contract_type: string;
  amendment_of: string | null;
  fold: number;
  txt: string;
  pdf: string;
  docx: string | null;
  text_chars: number;
  txt_sha256: string;
  document_name: string;
  party_names: string[];
  expiration_perpetual: boolean;
  auto_renewal: boolean;
  termination_for_convenience: boolean;
  governing_law: string | null;
  contract_value: { amount: number; currency: string; period: string; text: string } | null;
  iso: Record<
    'agreement_date' | 'effective_date' | 'term_start' | 'expiration_date',
    string | null
  >;
  duration: {
    initial_term: Duration | null;
    renewal_term: (Partial<Duration> & { successive?: boolean; perpetual?: boolean }) | null;
    notice_period_to_terminate_renewal: Duration | null;
  };
  spans: Record<string, string[]>;
  span_offsets: Record<string, Array<Array<[number, number]>>>;
}

const labels: NordicLabel[] = fs
  .readFileSync(path.join(dir, 'labels.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as NordicLabel);
const textOf = (label: NordicLabel) => fs.readFileSync(path.join(dir, label.txt), 'utf8');

const isIsoDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
};

/** TERMS.md: start + term - 1 day, months clamped to the month's end. Written apart from lib/dataset.mjs on purpose. */
function lastDayOfTerm(startIso: string, term: Duration): string {
  const start = new Date(`${startIso}T00:00:00Z`);
  let end: Date;
  if (term.unit === 'day' || term.unit === 'week') {
    end = new Date(start.getTime() + term.value * (term.unit === 'week' ? 7 : 1) * 86_400_000);
  } else {
    const months = term.value * (term.unit === 'year' ? 12 : 1);
    const y = start.getUTCFullYear() + Math.floor((start.getUTCMonth() + months) / 12);
    const m = (start.getUTCMonth() + months) % 12;
    const daysInMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    end = new Date(Date.UTC(y, m, Math.min(start.getUTCDate(), daysInMonth)));
  }
  return new Date(end.getTime() - 86_400_000).toISOString().slice(0, 10);
}

const runScript = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(dir, script), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('Nordic test contracts (test/fixtures/nordic)', () => {
  it(`has at least ${MIN_PER_LANGUAGE} Finnish and ${MIN_PER_LANGUAGE} Swedish contracts with unique ids`, () => {
    const ids = new Set(labels.map((l) => l.id));
    expect(ids.size).toBe(labels.length);
    expect(labels.filter((l) => l.language === 'fi').length).toBeGreaterThanOrEqual(
      MIN_PER_LANGUAGE,
    );
    expect(labels.filter((l) => l.language === 'sv').length).toBeGreaterThanOrEqual(
      MIN_PER_LANGUAGE,
    );
  });

  it.each(labels.map((l) => [l.id, l] as const))(
    '%s: its files exist and the text is the one labelled',
    (_id, label) => {
      for (const file of [label.txt, label.pdf, ...(label.docx ? [label.docx] : [])]) {
        expect(fs.existsSync(path.join(dir, file))).toBe(true);
      }
      const text = textOf(label);
      expect(text.length).toBe(label.text_chars);
      expect(createHash('sha256').update(text).digest('hex')).toBe(label.txt_sha256);
      // No characters outside the BMP: offsets are the same in UTF-16 (JavaScript) and code points (Python).
      expect(/[\uD800-\uDFFF]/.test(text)).toBe(false);
    },
  );

  it('holds no contract file without a label', () => {
    const labelled = new Set(labels.flatMap((l) => [l.txt, l.pdf, ...(l.docx ? [l.docx] : [])]));
    const files = fs.readdirSync(dir).filter((f) => /\.(txt|pdf|docx)$/.test(f));
    expect(files.filter((f) => !labelled.has(f))).toEqual([]);
  });

  it.each(labels.map((l) => [l.id, l] as const))(
    '%s: every span_offsets entry points at its span text',
    (_id, label) => {
      const text = textOf(label);
      for (const [category, spans] of Object.entries(label.spans)) {
        const offsets = label.span_offsets[category];
        expect(offsets).toHaveLength(spans.length);
        spans.forEach((span, i) => {
          const pieces = span.split(' <omitted> ');
          expect(offsets[i]).toHaveLength(pieces.length);
          pieces.forEach((piece, k) => {
            const [start, end] = offsets[i][k];
            expect(text.slice(start, end)).toBe(piece);
          });
        });
      }
      expect(label.spans['Document Name'].some((s) => s.includes(label.document_name))).toBe(true);
      for (const name of label.party_names) expect(text).toContain(name);
    },
  );

  it.each(labels.map((l) => [l.id, l] as const))(
    '%s: ISO dates are real dates and the term arithmetic holds',
    (_id, label) => {
      for (const value of Object.values(label.iso))
        if (value !== null) expect(isIsoDate(value)).toBe(true);
      const { initial_term: term } = label.duration;
      const start = label.iso.term_start ?? label.iso.effective_date;
      if (term && start && label.iso.expiration_date) {
        expect(label.iso.expiration_date).toBe(lastDayOfTerm(start, term));
      }
      if (label.expiration_perpetual) expect(label.iso.expiration_date).toBeNull();
      if (label.iso.effective_date && label.iso.expiration_date) {
        expect(label.iso.expiration_date > label.iso.effective_date).toBe(true);
      }
      // A renewal term is labelled exactly when the contract renews by itself.
      expect(label.auto_renewal).toBe(label.duration.renewal_term !== null);
    },
  );

  it('assigns 5 folds stratified by language: each fold holds both languages, sizes differ by at most one', () => {
    for (const language of ['fi', 'sv']) {
      const sizes = [0, 1, 2, 3, 4].map(
        (f) => labels.filter((l) => l.language === language && l.fold === f).length,
      );
      expect(labels.every((l) => Number.isInteger(l.fold) && l.fold >= 0 && l.fold < 5)).toBe(true);
      expect(Math.min(...sizes)).toBeGreaterThan(0);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('labels.jsonl is what build-labels.mjs makes from the hand-written sources, and every source passes its checks', () => {
    const run = runScript('build-labels.mjs', '--check');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it.each(['fi', 'sv'])(
    'the %s PDF and DOCX renderings give back the text of each .txt (pdf-parse and mammoth)',
    (language) => {
      const run = runScript('make-pdfs.mjs', '--check', '--language', language);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    },
  );
});
