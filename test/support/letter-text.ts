import { spawn } from 'node:child_process';
import mammoth from 'mammoth';

// pdf.js (inside pdf-parse) loads its worker with a dynamic import, which Jest's VM refuses, so the PDF is
// read back by `new PDFParse({ data }).getText()` in a plain Node process, as a user's tool would.
const READ_PDF = `
const { PDFParse } = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c)).on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 });
  const result = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ total: result.total, pages: result.pages.map((p) => p.text) }));
});`;

/**
 * Text as a reader sees it: a line break or a non-breaking space is one space, and a word wrapped after its
 * hyphen ("then-\ncurrent") is one word again.
 */
export const flatText = (text: string): string =>
  text.replace(/(\p{L})-\s+(?=\p{L})/gu, '$1-').replace(/\s+/g, ' ');

/** A PDF read back with pdf-parse: its page count, each page's text, and the body with page footers left out. */
export function readPdf(data: Buffer): Promise<{ total: number; pages: string[]; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', READ_PDF, require.resolve('pdf-parse')]);
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`reading the PDF failed (${code}): ${err}`));
      const { total, pages } = JSON.parse(out) as { total: number; pages: string[] };
      // The page footers ("Page 1 of 2", "1 (2)") sit between the pages' texts; leave them out.
      const body = pages.map((p) => p.replace(/(Page )?\d+ (of \d+|\(\d+\))\s*$/, ''));
      resolve({ total, pages, text: body.join('\n') });
    });
    child.stdin.end(data);
  });
}

/** The text of a PDF, read back with pdf-parse (page footers left out), flattened. */
export async function pdfText(data: Buffer): Promise<string> {
  return flatText((await readPdf(data)).text);
}

/** The text of a DOCX as mammoth opens it, flattened. */
export async function docxText(data: Buffer): Promise<string> {
  return flatText((await mammoth.extractRawText({ buffer: data })).value);
}
