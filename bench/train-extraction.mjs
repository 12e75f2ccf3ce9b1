// npm run train:extraction: fits the extraction engine's scoring model on the labelled contracts (CUAD dev
// PDFs and test/fixtures/nordic), cross-validates the whole engine (5 folds, seeded), sets each field's
// review threshold from the held-out predictions so that values shown as read are right >= 95% of the
// time, and writes
//   libs/extraction/src/scoring/extraction-model.json  (the committed weights the product uses)
//   bench/results/extraction-cv.json                   (cross-validated F1, reliability tables, thresholds)
// Reproducible: same data + same seed = same files (apart from trainedAt). env TRAIN_SEED to change the seed.
import fs from 'node:fs';
import path from 'node:path';
import { crossValidate, reliability, reviewThresholds, scoreHeld, shownValues } from './lib/cross-validate.mjs';
import { loadDocuments, loadEngine, root } from './lib/datasets.mjs';
import { trainModel } from './lib/train.mjs';

const seed = Number(process.env.TRAIN_SEED ?? 20261201);
const started = Date.now();
const engine = await loadEngine();
console.log('reading the labelled contracts (text cached after the first run) ...');
const docs = await loadDocuments(engine);
const counts = (set) => docs.filter((d) => d.set === set).length;
const data = [`CUAD v1 dev split (${counts('cuad')} PDFs)`, `test/fixtures/nordic (${counts('nordic')} contracts)`];
const meta = { seed, trainedAt: new Date().toISOString().slice(0, 10), data };
console.log(`${docs.length} contracts: ${data.join(', ')}; 5-fold cross-validation, seed ${seed}`);

const held = crossValidate(engine, docs, meta);
const shown = shownValues(held);
const thresholds = reviewThresholds(shown);
const cv = {
  seed,
  folds: 5,
  data,
  cuad: scoreHeld(held, 'cuad'),
  nordic: scoreHeld(held, 'nordic'),
  reliability: reliability(shown),
  reliabilityNordic: reliability(Object.fromEntries(Object.entries(shown).map(([f, v]) => [f, v.filter((x) => x.set === 'nordic')]))),
  reviewThresholds: thresholds,
  reviewRate: round(held.filter((h) => h.result.reviewReasons.some((r) => r.code === 'low_confidence')).length / held.length),
};

console.log('training the final model on every contract ...');
const model = trainModel(engine, docs, meta);
for (const [field, t] of Object.entries(thresholds)) if (model.fields[field]) model.fields[field].reviewThreshold = t.threshold;
const modelPath = path.join(root, 'libs/extraction/src/scoring/extraction-model.json');
fs.writeFileSync(modelPath, JSON.stringify(model, null, 2) + '\n');
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/extraction-cv.json'), JSON.stringify(cv, null, 2) + '\n');

console.log(`\ncross-validated macro F1: CUAD dev ${cv.cuad?.macroF1 ?? '-'}, Nordic ${cv.nordic?.macroF1 ?? '-'}`);
for (const r of cv.cuad?.fields ?? []) console.log(`  ${r.field.padEnd(26)} P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)} F1 ${r.f1.toFixed(3)}`);
console.log('review thresholds (held-out precision of values shown as read):');
for (const [f, t] of Object.entries(thresholds))
  console.log(`  ${f.padEnd(26)} ${t.threshold.toFixed(2)}  shown ${t.shownAsRead}, precision ${t.precisionShownAsRead ?? '-'}, to review ${t.toReview}`);
console.log(`\nwrote ${path.relative(root, modelPath)} and bench/results/extraction-cv.json in ${((Date.now() - started) / 1000).toFixed(0)} s`);

function round(x) {
  return Math.round(x * 1000) / 1000;
}
