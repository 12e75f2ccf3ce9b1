// Fits the scoring model: per field, a logistic regression over the features of every candidate the
// extractor proposed, labelled right or wrong against the contract's label. Deterministic: full-batch
// gradient descent from zero weights, documents in id order, no sampling.
import { judge, outcome } from './gold.mjs';

/** Fields the model learns, in extraction order; a field that depends on another is fitted after it. */
export const PASSES = [
  ['title', 'parties', 'agreementDate', 'initialTerm', 'perpetual', 'autoRenewal', 'renewalTerm', 'governingLaw', 'terminationForConvenience', 'contractValue'],
  ['effectiveDate', 'noticePeriod'],
  ['expirationDate'],
];
const L2 = 0.02;
const ITERATIONS = 600;
const RATE = 0.3;
const MIN_ROWS = 20;

const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const prob = (m, x) => {
  let z = m.bias;
  for (const k in x) z += (m.weights[k] ?? 0) * x[k];
  return sigmoid(z);
};

/** Logistic regression with L2 (bias unregularised), Adagrad steps. */
export function fitLogistic(rows) {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.x)))].sort();
  const w = Object.fromEntries(names.map((n) => [n, 0]));
  const g2 = Object.fromEntries(names.map((n) => [n, 1e-8]));
  let bias = 0;
  let gb2 = 1e-8;
  const n = rows.length;
  for (let it = 0; it < ITERATIONS; it++) {
    const grad = Object.fromEntries(names.map((k) => [k, L2 * w[k]]));
    let gb = 0;
    for (const r of rows) {
      const e = prob({ bias, weights: w }, r.x) - r.y;
      gb += e / n;
      for (const k in r.x) grad[k] += (e * r.x[k]) / n;
    }
    for (const k of names) {
      g2[k] += grad[k] ** 2;
      w[k] -= (RATE * grad[k]) / Math.sqrt(g2[k]);
    }
    gb2 += gb ** 2;
    bias -= (RATE * gb) / Math.sqrt(gb2);
  }
  const weights = {};
  for (const k of names) if (Math.abs(w[k]) > 1e-4) weights[k] = Math.round(w[k] * 10000) / 10000;
  return { bias: Math.round(bias * 10000) / 10000, weights };
}

const valueKey = (v) =>
  Array.isArray(v) ? JSON.stringify(v.map((p) => String(p?.name ?? p).toLowerCase()).sort()) : typeof v === 'string' ? v.toLowerCase() : JSON.stringify(v);

/** The value the model would show for one document's candidates, with its probability. */
function choose(m, cands) {
  let best = null;
  for (const c of cands) {
    const p = prob(m, c.features);
    if (!best || p > best.p) best = { value: c.value, p };
  }
  return best;
}

/** The emit threshold with the best F1 on the training documents (scorer semantics). */
function emitThreshold(field, m, docs) {
  let best = { t: 0, f1: -1 };
  for (let t = 0; t <= 0.7001; t += 0.05) {
    let tp = 0, fp = 0, fn = 0;
    for (const d of docs) {
      const j = judge(d.gold, field);
      if (j.status === 'unknown') continue;
      const c = choose(m, d.trace[field] ?? []);
      const o = c && c.p >= t ? outcome(field, j, c.value) : null;
      if (o === 'tp') tp++;
      else if (o === 'fp') fp++;
      if (j.status === 'present' && o !== 'tp') fn++;
    }
    const f1 = tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
    if (f1 > best.f1 + 1e-9) best = { t: Math.round(t * 100) / 100, f1 };
  }
  return best.t;
}

/** Fits one field on documents whose `trace` holds that field's candidates. */
export function fitField(field, docs) {
  const rows = [];
  let documents = 0;
  for (const d of docs) {
    const j = judge(d.gold, field);
    if (j.status === 'unknown') continue;
    const cands = d.trace[field] ?? [];
    if (cands.length) documents++;
    for (const c of cands) rows.push({ x: c.features, y: j.right(c.value) ? 1 : 0 });
  }
  if (rows.length < MIN_ROWS || rows.every((r) => r.y === rows[0].y)) return null;
  const m = fitLogistic(rows);
  return {
    ...m,
    // Parties score name by name: a list with one name wrong still earns the others, so it is always shown.
    emitThreshold: field === 'parties' ? 0 : emitThreshold(field, m, docs),
    reviewThreshold: 1,
    trainedOn: { candidates: rows.length, documents, positives: rows.filter((r) => r.y).length },
  };
}

/** Runs the engine's term stages over `docs` with `model`, keeping every candidate's features. */
export function traceAll(engine, docs, model) {
  for (const d of docs) {
    const trace = {};
    const language = engine.detectLanguage(d.text);
    d.result = engine.extractTermsFromText(d.text, d.pageStarts, { model, trace, language });
    d.trace = trace;
    d.language = language.language;
  }
}

/** Trains a whole model on `docs`, pass by pass so that dependent fields see the values they will see. */
export function trainModel(engine, docs, meta) {
  const model = { version: 1, trainedAt: meta.trainedAt, seed: meta.seed, data: meta.data, fields: {} };
  for (const fields of PASSES) {
    traceAll(engine, docs, model);
    for (const field of fields) {
      const fm = fitField(field, docs);
      if (fm) model.fields[field] = fm;
    }
  }
  return model;
}

export { prob, valueKey };
