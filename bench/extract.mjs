// Extraction benchmark: runs the contract-bank CLI over the CUAD dev PDFs on one core, scores the output with
// the shared scorer, compares throughput with poppler's pdftotext on the same files in the same run, runs the
// CLI over the Finnish and Swedish test contracts (test/fixtures/nordic), adds the cross-validated figures and
// reliability tables of the last `npm run train:extraction` (bench/results/extraction-cv.json), and writes
// the figures into the "## Extraction" section of docs/benchmarks.md.
// usage: npm run bench:extract   (builds first)   env: BENCH_LIMIT=N to run on the first N PDFs only
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { sharedDir } = await import('./lib/datasets.mjs');
const { DATE_FIELDS } = await import('./lib/cross-validate.mjs');
const dataset = path.join(sharedDir, 'datasets/cuad-dev');
const scorer = path.join(sharedDir, 'tools/score-extraction.mjs');
const labels = path.join(dataset, 'labels.jsonl');
const docPath = path.join(root, 'docs/benchmarks.md');

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const pin = has('taskset') ? ['taskset', '-c', '0'] : [];
let files = fs.readdirSync(dataset).filter((f) => f.toLowerCase().endsWith('.pdf')).sort().map((f) => path.join(dataset, f));
if (process.env.BENCH_LIMIT) files = files.slice(0, Number(process.env.BENCH_LIMIT));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-extract-'));
const predictions = path.join(tmp, 'predictions.jsonl');

// 1+2. Our CLI and pdftotext on the same files, same core, alternating in chunks so that load from other
// processes on the machine hits both alike. The CLI runs once per chunk (its start-up is counted).
const CHUNKS = Math.min(10, files.length);
const loadBefore = os.loadavg()[0];
const probe = "process.on('exit',()=>process.stderr.write('BENCH_MAXRSS_KB '+process.resourceUsage().maxRSS+'\\n'));require(process.env.CB_BIN)";
const withPin = (argv) => (pin.length ? [pin[0], [...pin.slice(1), ...argv]] : [argv[0], argv.slice(1)]);
const popplerAvailable = has('pdftotext');
let ourSeconds = 0;
let popplerSeconds = popplerAvailable ? 0 : null;
let maxRssKb = 0;
let stdout = '';
console.log(`contract-bank extract vs pdftotext: ${files.length} PDFs in ${CHUNKS} chunks${pin.length ? ' on core 0 (taskset -c 0)' : ' (taskset missing: not pinned)'} ...`);
for (let c = 0; c < CHUNKS; c++) {
  const chunk = files.filter((_, i) => i % CHUNKS === c);
  const [cmd, args] = withPin([process.execPath, '-e', probe, 'bench-probe', 'extract', '--jsonl', ...chunk]);
  let started = process.hrtime.bigint();
  const run = spawnSync(cmd, args, { cwd: root, env: { ...process.env, CB_BIN: path.join(root, 'bin/contract-bank.js') }, maxBuffer: 1 << 30, encoding: 'utf8' });
  ourSeconds += Number(process.hrtime.bigint() - started) / 1e9;
  const printed = run.stdout.split('\n').filter((l) => l.trim()).length;
  if (printed !== chunk.length) {
    // Never write figures from a broken run.
    console.error(`the CLI printed ${printed} lines for ${chunk.length} files (exit ${run.status}):\n${run.stderr.slice(-4000)}`);
    process.exit(1);
  }
  stdout += run.stdout;
  maxRssKb = Math.max(maxRssKb, Number(/BENCH_MAXRSS_KB (\d+)/.exec(run.stderr)?.[1] ?? 0));
  if (popplerAvailable) {
    started = process.hrtime.bigint();
    for (const file of chunk) {
      const [pcmd, pargs] = withPin(['pdftotext', file, '-']);
      spawnSync(pcmd, pargs, { maxBuffer: 1 << 28 });
    }
    popplerSeconds += Number(process.hrtime.bigint() - started) / 1e9;
  }
  process.stdout.write(`  chunk ${c + 1}/${CHUNKS} done\n`);
}
fs.writeFileSync(predictions, stdout);
const loadAfter = os.loadavg()[0];
const lines = stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const pages = lines.reduce((sum, l) => sum + (l.pages || 0), 0);
const ocrPages = lines.reduce((sum, l) => sum + (l.ocrPages?.length || 0), 0);
const failed = lines.filter((l) => l.status === 'failed');

// 3. Score.
const scored = spawnSync(process.execPath, [scorer, labels, predictions, '--json'], { encoding: 'utf8' });
const score = JSON.parse(scored.stdout);

// 4. The Nordic test contracts (PDFs, as users upload them), scored by the same scorer on their labels.
const nordicDir = path.join(root, 'test/fixtures/nordic');
let nordic = null;
if (fs.existsSync(path.join(nordicDir, 'labels.jsonl'))) {
  const nordicGold = fs.readFileSync(path.join(nordicDir, 'labels.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const nordicFiles = nordicGold.map((g) => path.join(nordicDir, g.pdf ?? g.txt));
  const run = spawnSync(process.execPath, [path.join(root, 'bin/contract-bank.js'), 'extract', '--jsonl', ...nordicFiles], { cwd: root, maxBuffer: 1 << 30, encoding: 'utf8' });
  const nordicPreds = path.join(tmp, 'nordic.jsonl');
  fs.writeFileSync(nordicPreds, run.stdout);
  const out = run.stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  nordic = {
    score: JSON.parse(spawnSync(process.execPath, [scorer, path.join(nordicDir, 'labels.jsonl'), nordicPreds, '--json'], { encoding: 'utf8' }).stdout),
    languages: out.reduce((acc, l) => ({ ...acc, [l.language]: (acc[l.language] ?? 0) + 1 }), {}),
    review: out.filter((l) => l.status === 'needs_review').length,
    count: out.length,
  };
}
const cvPath = path.join(root, 'bench/results/extraction-cv.json');
const cv = fs.existsSync(cvPath) ? JSON.parse(fs.readFileSync(cvPath, 'utf8')) : null;

const f3 = (x) => x.toFixed(3);
const ourPps = pages / ourSeconds;
const table = [
  '| field | n | precision | recall | F1 |',
  '|---|---:|---:|---:|---:|',
  ...score.fields.map((r) => `| ${r.field} | ${r.n} | ${f3(r.precision)} | ${f3(r.recall)} | ${f3(r.f1)} |`),
  `| **macro F1 (10 fields)** | | | | **${f3(score.macroF1)}** |`,
].join('\n');
const speed = [
  '| tool | seconds | pages/s | contracts/s |',
  '|---|---:|---:|---:|',
  `| contract-bank extract (text + OCR + terms + obligations) | ${ourSeconds.toFixed(1)} | ${ourPps.toFixed(1)} | ${(files.length / ourSeconds).toFixed(2)} |`,
  popplerSeconds === null
    ? '| pdftotext | skipped: pdftotext is not installed (apt-get install -y poppler-utils) | | |'
    : `| pdftotext (poppler ${spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).stderr.split('\n')[0].replace(/^pdftotext version /, '')}, text only) | ${popplerSeconds.toFixed(1)} | ${(pages / popplerSeconds).toFixed(1)} | ${(files.length / popplerSeconds).toFixed(2)} |`,
].join('\n');
const ratio = popplerSeconds === null ? null : ourPps / (pages / popplerSeconds);

const fieldTable = (sc) =>
  ['| field | n | precision | recall | F1 |', '|---|---:|---:|---:|---:|', ...sc.fields.map((r) => `| ${r.field} | ${r.n} | ${f3(r.precision)} | ${f3(r.recall)} | ${f3(r.f1)} |`), `| **macro F1 (10 fields)** | | | | **${f3(sc.macroF1)}** |`].join('\n');
const cvSection = !cv
  ? 'No cross-validation results: run `npm run train:extraction` first.'
  : [
      `\`npm run train:extraction\` (bench/train-extraction.mjs, seed ${cv.seed}): ${cv.folds}-fold cross-validation of the whole engine over ${cv.data.join(' and ')}. For each fold the scoring model (and its emit thresholds) is trained on the other four folds only, then the fold's contracts are extracted with it; every figure below comes from those held-out predictions. The rules themselves were written over the whole dev split, so these figures still flatter the rules (see "What the figures mean").`,
      '',
      '**CUAD dev, held-out predictions:**',
      '',
      fieldTable(cv.cuad),
      '',
      cv.nordic ? `**Finnish and Swedish test contracts, held-out predictions:**\n\n${fieldTable(cv.nordic)}` : '',
      '',
      '**Reliability (confidence of the values shown vs. the share that is right), held-out, CUAD dev and Nordic together:** each cell is `n: share right` for values whose confidence falls in the bin.',
      '',
      `| field | ${Object.values(cv.reliability)[0].map((b) => b.bin).join(' | ')} |`,
      `|---|${Object.values(cv.reliability)[0].map(() => '---:').join('|')}|`,
      ...Object.entries(cv.reliability).map(([f, bins]) => `| ${f} | ${bins.map((b) => (b.n ? `${b.n}: ${b.right.toFixed(2)}` : '')).join(' | ')} |`),
      '',
      '**Review thresholds** (the lowest confidence at which held-out values are right at least 95% of the time, with at least 10 values; 1.00 = no such level, every value of the field goes to review): ',
      '',
      '| field | threshold | values shown as read | precision of values shown as read | values sent to review |',
      '|---|---:|---:|---:|---:|',
      ...Object.entries(cv.reviewThresholds).map(([f, t]) => `| ${f}${DATE_FIELDS.includes(f) ? ' (date)' : ''} | ${t.threshold.toFixed(2)} | ${t.shownAsRead} | ${t.precisionShownAsRead === null ? '-' : t.precisionShownAsRead.toFixed(3)} | ${t.toReview} |`),
      '',
      `Held-out contracts with at least one key term sent to review: ${(cv.reviewRate * 100).toFixed(0)}%.`,
    ].join('\n');
const nordicSection = !nordic
  ? 'test/fixtures/nordic is missing.'
  : `The CLI over the ${nordic.count} Finnish and Swedish test contracts (their PDFs; languages detected: ${Object.entries(nordic.languages).map(([l, n]) => `${l} ${n}`).join(', ')}; ${nordic.review} sent to review), with the committed model, which was trained on them (in-sample; the held-out figure is above):\n\n${fieldTable(nordic.score)}`;

console.log(`\n${table}\n\ncontracts ${score.contracts}, no prediction ${score.missing}, failed ${score.failed}\n`);
if (nordic) console.log(`Nordic (in-sample) macro F1 ${f3(nordic.score.macroF1)}`);
if (cv) console.log(`5-fold CV macro F1: CUAD dev ${f3(cv.cuad.macroF1)}, Nordic ${cv.nordic ? f3(cv.nordic.macroF1) : '-'}`);
console.log(speed);
if (ratio !== null) console.log(`throughput vs pdftotext: ${ratio.toFixed(2)}x`);
else console.log('pdftotext not installed: throughput comparison skipped');
console.log(`pages ${pages} (OCR ${ocrPages}), peak RSS ${(maxRssKb / 1024).toFixed(0)} MB, load average ${loadBefore.toFixed(1)} -> ${loadAfter.toFixed(1)}`);
if (failed.length) console.log(`failed: ${failed.map((l) => `${path.basename(l.file)} (${l.error?.code})`).join(', ')}`);

const section = `## Extraction

Measured by \`npm run bench:extract\` (bench/extract.mjs) on ${new Date().toISOString().slice(0, 10)}: the CLI
(\`contract-bank extract --jsonl\`, the worker's pipeline, OCR on) over the ${files.length} PDFs of the CUAD dev split
(../shared/datasets/cuad-dev), scored by ../shared/tools/score-extraction.mjs. One CLI process per chunk, pinned to one core
(\`taskset -c 0\`), on ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}.

${table}

Contracts ${score.contracts}, no prediction ${score.missing}, failed ${score.failed}. The scoring model was trained on these
contracts: this table is in-sample. The figure that predicts unseen contracts is the cross-validated one below.

### Cross-validated (5 folds)

${cvSection}

### Finnish and Swedish

${nordicSection}

### Throughput and memory

${speed}

- Pages: ${pages} (${ocrPages} OCRed: pages with no text layer). Throughput vs pdftotext on the same files and core:
  ${ratio === null ? 'not measured (pdftotext missing)' : `${ratio.toFixed(2)}x`}.
- Machine load (1-minute load average, before/after): ${loadBefore.toFixed(1)} / ${loadAfter.toFixed(1)} on ${os.cpus().length} cores;
  other processes share the cores, which is why both tools are measured alternately on the same core.
- Peak RSS of the CLI process: ${(maxRssKb / 1024).toFixed(0)} MB (process.resourceUsage().maxRSS).
- The dev split was used to develop the finders; the held-out two thirds of CUAD measure them independently.

### What the figures mean

- In-sample (the first table): rules and model both fitted on these contracts; an upper bound.
- Cross-validated: the learned part (which candidate to show, how sure, when to stay silent) never saw the
  contracts it is scored on; the rules did, so unseen contracts will still score somewhat lower (the
  independent measurement of the previous engine: 0.814 on 340 unseen CUAD contracts against 0.862 on dev).
- Reliability: confidences are probabilities; the bins show how often values of each confidence were right on
  contracts the model had not seen.
`;
let doc = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : '# Benchmarks\n';
const start = doc.indexOf('## Extraction');
if (start >= 0) {
  const next = doc.slice(start + 3).search(/\n## /);
  const end = next >= 0 ? start + 3 + next + 1 : doc.length;
  // A hand-written "### History" subsection (figures before and after each round of changes) is kept.
  const old = doc.slice(start, end);
  const h = old.indexOf('\n### History');
  const history = h >= 0 ? old.slice(h + 1).replace(/\n### (?!History)[\s\S]*$/, '').trimEnd() + '\n' : '';
  doc = doc.slice(0, start) + section + (history ? '\n' + history : '') + (end < doc.length ? '\n' + doc.slice(end) : '');
} else {
  doc = `${doc.trimEnd()}\n\n${section}`;
}
fs.writeFileSync(docPath, doc);
console.log(`\nwrote the "## Extraction" section of ${path.relative(root, docPath)}`);
fs.rmSync(tmp, { recursive: true, force: true });
