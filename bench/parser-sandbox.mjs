// Worker memory around hostile documents: the process that calls extractDocument (as the worker does) is
// measured before, during and after ZIP bombs and parser bombs, with the parser sandbox's own peak beside it.
// Usage: npm run bench:sandbox   (builds first; PARSER_MEMORY_MB=1024 as in production unless --memory-mb N)
import fs from 'node:fs';
import path from 'node:path';
import { loadEngine, root } from './lib/datasets.mjs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const memoryMb = Number(args[args.indexOf('--memory-mb') + 1] || 0) || 1024;
const engine = await loadEngine();
const archive = require(path.join(root, 'dist/libs/archive/src/index.js'));
const MIB = 1024 * 1024;
const mb = (bytes) => Math.round(bytes / MIB);

engine.configureParserSandbox({ memoryMb });

// Peak RSS of this process, sampled every 5 ms (the main thread only waits on the sandbox, except while the
// ZIP guard reads a DOCX's parts).
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);

const okPdf = new Uint8Array(
  fs.readFileSync(path.join(root, 'libs/extraction/test/fixtures/ok/ADUROBIOTECH_INC_06_02_2020-EX-10.7-CONSULTING_AGREEMENT.pdf')),
);
const nordicDocx = new Uint8Array(fs.readFileSync(path.join(root, 'test/fixtures/nordic/fi-09-salassapitosopimus.docx')));

function docxZipBomb(mebibytes, declaredSize) {
  const parts = engine.docxParts(['Master Services Agreement']).filter(([name]) => name !== 'word/document.xml');
  return archive.craftZip([
    ...parts.map(([name, content]) => ({ name, data: Buffer.from(content, 'utf8') })),
    { name: 'word/document.xml', deflated: archive.deflateBomb(mebibytes), declaredSize },
  ]);
}

const cases = [
  ['DOCX ZIP bomb, 3.9 GiB declared', () => docxZipBomb(4000, 4000 * MIB)],
  ['DOCX ZIP bomb, 3.9 GiB inside, 2 KB declared', () => docxZipBomb(4000, 2048)],
  ['DOCX parser bomb, 52 MB of XML', () => engine.docxParserBomb(1_500_000)],
  ['PDF FlateDecode bomb, 4 GiB', () => engine.pdfBomb(4096)],
];

async function measure(label, data, options = {}) {
  global.gc?.();
  const before = process.memoryUsage.rss();
  peak = before;
  const previous = engine.lastSandboxRun();
  const started = performance.now();
  const result = await engine.extractDocument(data, { ocr: false, ...options });
  const ms = Math.round(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 50));
  global.gc?.();
  const after = process.memoryUsage.rss();
  // A document the ZIP guard refused never reached a sandbox.
  const run = engine.lastSandboxRun() === previous ? null : engine.lastSandboxRun();
  return {
    case: label,
    fileMB: +(data.length / MIB).toFixed(1),
    outcome: result.error?.code ?? result.status,
    ms,
    workerRssBeforeMB: mb(before),
    workerPeakMB: mb(peak),
    workerRssAfterMB: mb(after),
    sandboxPeakMB: run ? mb(run.peakRssBytes) : null,
    sandboxStoppedBy: run?.stoppedBy ?? null,
  };
}

const rows = [];
// Warm up: load the sandbox once with a normal PDF and a normal DOCX.
rows.push(await measure('normal PDF (warm-up, starts the sandbox)', okPdf));
rows.push(await measure('normal DOCX', nordicDocx));
const baseline = process.memoryUsage.rss();
for (const [label, make] of cases) rows.push(await measure(label, make()));
// Two bombs at once (WORKER_CONCURRENCY=2): each has its own sandbox process.
{
  const a = docxZipBomb(4000, 2048);
  const b = engine.pdfBomb(4096);
  const before = process.memoryUsage.rss();
  peak = before;
  const started = performance.now();
  const results = await Promise.all([engine.extractDocument(a), engine.extractDocument(b, { ocr: false })]);
  rows.push({
    case: 'two bombs at once (lying DOCX + 4 GiB PDF)',
    fileMB: +((a.length + b.length) / MIB).toFixed(1),
    outcome: results.map((r) => r.error?.code ?? r.status).join(' + '),
    ms: Math.round(performance.now() - started),
    workerRssBeforeMB: mb(before),
    workerPeakMB: mb(peak),
    workerRssAfterMB: mb(process.memoryUsage.rss()),
    sandboxPeakMB: null,
    sandboxStoppedBy: null,
  });
}
rows.push(await measure('normal PDF after the bombs (fresh sandbox)', okPdf));
rows.push(await measure('normal PDF again (sandbox reused)', okPdf));
clearInterval(sampler);
engine.shutdownParserSandbox();

console.log(`PARSER_MEMORY_MB=${memoryMb}; worker baseline after warm-up ${mb(baseline)} MB RSS`);
console.table(rows);
console.log(JSON.stringify({ memoryMb, baselineMB: mb(baseline), rows }));
