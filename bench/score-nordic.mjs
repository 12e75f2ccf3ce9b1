// Scores extractor output on the Finnish and Swedish test contracts (test/fixtures/nordic/labels.jsonl).
// The ten CUAD fields are scored by the shared scorer (../shared/tools/score-extraction.mjs, unchanged: the labels
// follow its format); this script adds the fields our labels carry beyond CUAD (perpetual, initialTerm,
// contractValue, paymentTerms), a per-language breakdown, and fold selection for cross-validation.
// usage: node bench/score-nordic.mjs PREDICTIONS.jsonl [--labels PATH] [--language fi|sv] [--folds 0,1] [--json]
//        node bench/score-nordic.mjs --self-check   (scores predictions made from the labels: every F1 must be 1)
//   PREDICTIONS.jsonl: the CLI's output, e.g. npx contract-bank extract --jsonl test/fixtures/nordic/*.pdf
//   env SCORE_EXTRACTION: path of the shared scorer when it is not at ../shared/tools or ../../shared/tools
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !['--labels', '--language', '--folds'].includes(args[i - 1]));
let predPath = positional[0];
const labelsPath = option('--labels') ?? path.join(root, 'test/fixtures/nordic/labels.jsonl');
if (args.includes('--self-check')) {
  // Predictions made from the labels themselves, in the CLI's format: every field must score 1.
  const iso = (d) => (d && d.value != null ? { day: `P${d.value}D`, week: `P${d.value * 7}D`, month: `P${d.value}M`, year: `P${d.value}Y` }[d.unit] : null);
  const lines = fs
    .readFileSync(labelsPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .map((l) => ({
      file: l.pdf,
      status: 'parsed',
      terms: {
        title: l.document_name,
        parties: l.party_details.map((p) => ({ name: p.name, role: p.role })),
        agreementDate: l.iso.agreement_date,
        effectiveDate: l.iso.effective_date,
        expirationDate: l.iso.expiration_date,
        perpetual: l.expiration_perpetual,
        initialTerm: iso(l.duration.initial_term),
        autoRenewal: l.auto_renewal,
        renewalTerm: iso(l.duration.renewal_term),
        noticePeriod: iso(l.duration.notice_period_to_terminate_renewal),
        governingLaw: l.governing_law,
        terminationForConvenience: l.termination_for_convenience,
        contractValue: l.contract_value && { amount: l.contract_value.amount, currency: l.contract_value.currency },
        paymentTerms: l.payment_terms,
      },
    }));
  const oracleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'score-nordic-oracle-'));
  process.on('exit', () => fs.rmSync(oracleDir, { recursive: true, force: true }));
  predPath = path.join(oracleDir, 'predictions.jsonl');
  fs.writeFileSync(predPath, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}
if (!predPath) {
  console.error('usage: node bench/score-nordic.mjs PREDICTIONS.jsonl|--self-check [--labels PATH] [--language fi|sv] [--folds 0,1] [--json]');
  process.exit(2);
}
const scorer = [process.env.SCORE_EXTRACTION, path.resolve(root, '../shared/tools/score-extraction.mjs'), path.resolve(root, '../../shared/tools/score-extraction.mjs')]
  .filter(Boolean)
  .find((p) => fs.existsSync(p));

const folds = option('--folds')?.split(',').map(Number);
const gold = fs
  .readFileSync(labelsPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))
  .filter((g) => (!option('--language') || g.language === option('--language')) && (!folds || folds.includes(g.fold)));
const preds = new Map();
for (const line of fs.readFileSync(predPath, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  try {
    const p = JSON.parse(line);
    preds.set(path.basename(String(p.file ?? '')).replace(/\.(pdf|txt|docx)$/i, '').toLowerCase(), p);
  } catch {
    // a broken line is a missing prediction
  }
}

// Durations compare as the shared scorer does: months (a year is 12) or days (a week is 7).
function durationKey(v) {
  if (!v) return null;
  if (typeof v === 'object' && v.value != null) v = { day: `P${v.value}D`, week: `P${v.value * 7}D`, month: `P${v.value}M`, year: `P${v.value}Y` }[v.unit] ?? null;
  const m = typeof v === 'string' ? /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(v.trim().toUpperCase()) : null;
  if (!m) return null;
  const [, y, mo, w, d] = m.map((x) => (x ? Number(x) : 0));
  return w || d ? `d${y * 365 + mo * 30 + w * 7 + d}` : `m${y * 12 + mo}`;
}
const words = (s) =>
  new Set(
    String(s ?? '')
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
const netDays = (s) => {
  const iso = /^P(\d+)D$/i.exec(String(s ?? '').trim());
  if (iso) return Number(iso[1]);
  const m = /(\d{1,3})\)?\s*(?:pv|vrk|päivää|päivän|dagar|dagars|days?|dgr)(?!\p{L})|\bnet(?:to)?\s*(\d{1,3})\b/iu.exec(String(s ?? ''));
  return m ? Number(m[1] ?? m[2]) : null;
};

const extra = {};
const tally = (field, kind) => {
  extra[field] ??= { tp: 0, fp: 0, fn: 0, n: 0 };
  if (kind === 'n') extra[field].n++;
  else extra[field][kind]++;
};
/** One field: gold present (n), predicted present, and whether they match. */
function score(field, goldPresent, predPresent, matches) {
  extra[field] ??= { tp: 0, fp: 0, fn: 0, n: 0 };
  if (goldPresent) tally(field, 'n');
  if (goldPresent && predPresent && matches) tally(field, 'tp');
  else {
    if (goldPresent) tally(field, 'fn');
    if (predPresent) tally(field, 'fp');
  }
}

for (const g of gold) {
  const t = preds.get(g.id.toLowerCase())?.terms ?? {};
  score('perpetual', g.expiration_perpetual, t.perpetual === true, true);
  const gi = durationKey(g.duration.initial_term);
  const pi = durationKey(t.initialTerm);
  score('initialTerm', !!gi, !!pi, gi === pi);
  const gv = g.contract_value;
  const pv = t.contractValue;
  const amountOk = gv && pv && typeof pv.amount === 'number' && Math.abs(pv.amount - gv.amount) <= Math.max(0.01, gv.amount * 0.005);
  score('contractValue', !!gv, !!(pv && pv.amount != null), !!amountOk && String(pv.currency).toUpperCase() === gv.currency);
  const gp = g.payment_terms;
  const pp = t.paymentTerms;
  let paymentOk = false;
  if (gp && pp) {
    const gDays = g.duration.payment_terms?.value ?? null;
    if (gDays != null) paymentOk = netDays(pp) === gDays;
    else {
      const a = words(gp);
      const b = words(pp);
      const common = [...a].filter((x) => b.has(x)).length;
      paymentOk = common / new Set([...a, ...b]).size >= 0.5 || [...b].every((x) => a.has(x));
    }
  }
  score('paymentTerms', !!gp, !!pp, paymentOk);
}
const row = (field, s) => {
  const P = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0;
  const R = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0;
  return { field, n: s.n, tp: s.tp, fp: s.fp, fn: s.fn, precision: +P.toFixed(3), recall: +R.toFixed(3), f1: +(P + R ? (2 * P * R) / (P + R) : 0).toFixed(3) };
};
const extraRows = ['perpetual', 'initialTerm', 'contractValue', 'paymentTerms'].map((f) => row(f, extra[f] ?? { tp: 0, fp: 0, fn: 0, n: 0 }));

// The ten CUAD fields: the shared scorer on the selected labels.
let shared = null;
if (scorer) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'score-nordic-'));
  const subset = path.join(tmp, 'labels.jsonl');
  fs.writeFileSync(subset, gold.map((g) => JSON.stringify(g)).join('\n') + '\n');
  const run = spawnSync(process.execPath, [scorer, subset, predPath, '--json'], { encoding: 'utf8' });
  fs.rmSync(tmp, { recursive: true, force: true });
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  shared = JSON.parse(run.stdout);
}
const allRows = [...(shared?.fields ?? []), ...extraRows];
const macro14 = shared ? +(allRows.reduce((s, r) => s + r.f1, 0) / 14).toFixed(3) : null;
const selection = [option('--language') && `language ${option('--language')}`, folds && `folds ${folds.join(',')}`].filter(Boolean).join(', ') || 'all';

if (args.includes('--json')) {
  console.log(JSON.stringify({ contracts: gold.length, selection, missing: shared?.missing, failed: shared?.failed, macroF1: shared?.macroF1 ?? null, macroF1AllFields: macro14, fields: allRows }));
} else {
  console.log(`Nordic test contracts (${selection}): ${gold.length}`);
  console.log('field                      n    P      R      F1');
  for (const r of allRows) console.log(`${r.field.padEnd(26)} ${String(r.n).padStart(4)}  ${r.precision.toFixed(3)}  ${r.recall.toFixed(3)}  ${r.f1.toFixed(3)}`);
  if (shared) {
    console.log(`no prediction ${shared.missing}, failed ${shared.failed}`);
    console.log(`macro F1 (the 10 CUAD fields, shared scorer) ${shared.macroF1}`);
    console.log(`macro F1 (all 14 fields) ${macro14}`);
  } else {
    console.log('the shared scorer was not found (set SCORE_EXTRACTION): only the four extra fields are scored');
  }
}
