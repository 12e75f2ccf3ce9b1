// k-fold cross-validation of the whole engine: for each fold, the scoring model is trained on the other
// folds and the fold's contracts are extracted with it; every figure (F1, reliability, review thresholds)
// comes from those held-out predictions only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cuadDir, foldOf, nordicDir, sharedDir } from './datasets.mjs';
import { judge } from './gold.mjs';
import { trainModel, traceAll } from './train.mjs';

export const FOLDS = 5;
export const BINS = [0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001];
const SCORED_FIELDS = ['title', 'parties', 'agreementDate', 'effectiveDate', 'expirationDate', 'perpetual', 'initialTerm', 'autoRenewal', 'renewalTerm', 'noticePeriod', 'governingLaw', 'terminationForConvenience', 'contractValue'];
export const DATE_FIELDS = ['agreementDate', 'effectiveDate', 'expirationDate'];
const scorer = path.join(sharedDir, 'tools/score-extraction.mjs');

export function foldFor(doc, seed) {
  return Number.isInteger(doc.gold.fold) && doc.set === 'nordic' ? doc.gold.fold % FOLDS : foldOf(doc.id, seed, FOLDS);
}

/** Held-out predictions for every document: { doc, result } with result from a model that never saw doc. */
export function crossValidate(engine, docs, meta) {
  const held = [];
  for (let k = 0; k < FOLDS; k++) {
    const train = docs.filter((d) => foldFor(d, meta.seed) !== k);
    const test = docs.filter((d) => foldFor(d, meta.seed) === k);
    const model = trainModel(engine, train, meta);
    traceAll(engine, test, model);
    for (const d of test) held.push({ doc: d, result: d.result, model });
    process.stdout.write(`  fold ${k + 1}/${FOLDS}: trained on ${train.length}, scored ${test.length}\n`);
  }
  return held;
}

/** Every value shown (a non-null field value) in held-out predictions, with its confidence and whether it is right. */
export function shownValues(held) {
  const out = {};
  for (const { doc, result } of held) {
    for (const field of SCORED_FIELDS) {
      const value = result.terms[field];
      if (value === null || value === undefined || (Array.isArray(value) && !value.length)) continue;
      const j = judge(doc.gold, field);
      if (j.status === 'unknown') continue;
      (out[field] ??= []).push({ c: result.confidence[field] ?? 0, right: j.right(value), set: doc.set });
    }
  }
  return out;
}

/** Confidence bins vs the share of right values, per field. */
export function reliability(shown) {
  const table = {};
  for (const [field, values] of Object.entries(shown)) {
    table[field] = BINS.slice(0, -1).map((lo, i) => {
      const hi = BINS[i + 1];
      const inBin = values.filter((v) => v.c >= lo && v.c < hi);
      return {
        bin: `${lo.toFixed(2)}-${Math.min(1, hi).toFixed(2)}`,
        n: inBin.length,
        meanConfidence: inBin.length ? round(inBin.reduce((s, v) => s + v.c, 0) / inBin.length) : null,
        right: inBin.length ? round(inBin.filter((v) => v.right).length / inBin.length) : null,
      };
    });
  }
  return table;
}

/**
 * The review threshold per field: the lowest confidence t such that, among held-out values at or above t,
 * at least `target` are right (with at least `minValues` of them). 1 when no t reaches it: every value of the
 * field then goes to review.
 */
export function reviewThresholds(shown, target = 0.95, minValues = 10) {
  const out = {};
  for (const [field, values] of Object.entries(shown)) {
    let chosen = 1;
    for (let t = 0.3; t <= 0.99 + 1e-9; t += 0.01) {
      const above = values.filter((v) => v.c >= t - 1e-9);
      if (above.length >= minValues && above.filter((v) => v.right).length / above.length >= target) {
        chosen = Math.round(t * 100) / 100;
        break;
      }
    }
    const above = values.filter((v) => v.c >= chosen - 1e-9);
    out[field] = {
      threshold: chosen,
      shownAsRead: above.length,
      precisionShownAsRead: above.length ? round(above.filter((v) => v.right).length / above.length) : null,
      toReview: values.length - above.length,
    };
  }
  return out;
}

/** Scores held-out predictions of one set with the shared scorer (unchanged: CUAD's label format). */
export function scoreHeld(held, set) {
  const rows = held.filter((h) => h.doc.set === set);
  if (!rows.length) return null;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-'));
  const preds = path.join(tmp, 'predictions.jsonl');
  fs.writeFileSync(preds, rows.map((h) => JSON.stringify({ file: h.doc.file, status: 'parsed', terms: h.result.terms })).join('\n') + '\n');
  const labels = set === 'cuad' ? path.join(cuadDir, 'labels.jsonl') : path.join(nordicDir, 'labels.jsonl');
  const run = spawnSync(process.execPath, [scorer, labels, preds, '--json'], { encoding: 'utf8' });
  fs.rmSync(tmp, { recursive: true, force: true });
  return JSON.parse(run.stdout);
}

function round(x) {
  return Math.round(x * 1000) / 1000;
}
