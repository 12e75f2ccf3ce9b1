// The labelled contracts the scoring model learns from and is measured on: the CUAD dev split (from its
// PDFs, as the product reads them) and our Finnish and Swedish test contracts (test/fixtures/nordic). The
// text of each PDF is extracted once by the product's own pipeline and cached under
// node_modules/.cache/contract-bank-extraction (keyed by the file's sha256 and the text steps' build).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// shared/ sits beside the checkout (../shared), or beside the folder of worktrees (../../shared).
export const sharedDir =
  [process.env.SHARED_DIR, path.resolve(root, '../shared'), path.resolve(root, '../../shared')]
    .filter(Boolean)
    .find((p) => fs.existsSync(path.join(p, 'datasets'))) ?? path.resolve(root, '../shared');
export const cuadDir = path.join(sharedDir, 'datasets/cuad-dev');
export const nordicDir = path.join(root, 'test/fixtures/nordic');
const cacheDir = path.join(root, 'node_modules/.cache/contract-bank-extraction');

const readJsonl = (p) => fs.readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

/** The built extraction library (npm run build first). */
export async function loadEngine() {
  const lib = path.join(root, 'dist/libs/extraction/src/index.js');
  if (!fs.existsSync(lib)) throw new Error('dist/ is missing: run npm run build first');
  const { createRequire } = await import('node:module');
  return createRequire(import.meta.url)(lib);
}

function buildStamp() {
  // The text steps' compiled code: a change to PDF text or layout handling invalidates the cache.
  const files = ['steps/pdf-text.step.js', 'steps/layout.step.js', 'layout/page-layout.util.js', 'pdf/pdf-document.js', 'sandbox/sandbox-source.js'];
  const h = createHash('sha256');
  for (const f of files) {
    const p = path.join(root, 'dist/libs/extraction/src', f);
    if (fs.existsSync(p)) h.update(fs.readFileSync(p));
  }
  return h.digest('hex').slice(0, 12);
}

async function textOf(engine, file, stamp) {
  const bytes = fs.readFileSync(file);
  const key = createHash('sha256').update(bytes).digest('hex').slice(0, 24);
  const cached = path.join(cacheDir, `${stamp}-${key}.json`);
  if (fs.existsSync(cached)) return JSON.parse(fs.readFileSync(cached, 'utf8'));
  const result = await engine.extractDocument(new Uint8Array(bytes), { ocr: false, fileName: file });
  const out = { text: result.text, pageStarts: result.pageStarts, pages: result.pages, status: result.status };
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(cached, JSON.stringify(out));
  return out;
}

/**
 * Every labelled contract: { id, set: 'cuad' | 'nordic', language, gold, text, pageStarts }. Nordic
 * contracts are read from their PDF when they have one (as users upload them), else from the .txt.
 */
export async function loadDocuments(engine, { sets = ['cuad', 'nordic'], limit } = {}) {
  const stamp = buildStamp();
  const docs = [];
  if (sets.includes('cuad')) {
    let gold = readJsonl(path.join(cuadDir, 'labels.jsonl')).filter((g) => g.pdf);
    if (limit) gold = gold.slice(0, limit);
    for (const g of gold) {
      const t = await textOf(engine, path.join(cuadDir, g.pdf), stamp);
      docs.push({ id: g.id, file: g.pdf, set: 'cuad', gold: g, ...t });
    }
  }
  const nordicLabels = path.join(nordicDir, 'labels.jsonl');
  if (sets.includes('nordic') && fs.existsSync(nordicLabels)) {
    for (const g of readJsonl(nordicLabels)) {
      const file = g.pdf ?? g.txt;
      const t = await textOf(engine, path.join(nordicDir, file), stamp);
      docs.push({ id: g.id, file, set: 'nordic', gold: g, ...t });
    }
  }
  return docs;
}

/** A fold 0..k-1 for each document, from a seeded hash of its id (stable when documents are added). */
export function foldOf(id, seed, k = 5) {
  const h = createHash('sha256').update(`${seed}:${id}`).digest();
  return h.readUInt32BE(0) % k;
}
