// The program the sandbox child runs (node -e): plain JavaScript requiring only installed packages, so it
// runs the same under Jest (whose VM cannot load pdf.js's worker module) and from dist. argv[1] is a JSON
// object with the resolved paths of pdf-parse, its pdf.js worker module, mammoth and tesseract.js. One request
// at a time per child.
//
// At start the child loads pdf-parse and pdf.js's worker module before it says it is ready, so that a child
// started ahead of time (warmParserSandbox) has paid for them before the first PDF arrives; requests that come
// earlier wait for it. Both bundles carry core-js, whose Array.prototype.push replaces V8's native one (for an
// edge case no parser reaches: push() on an array whose length was made read-only); pdf.js pushes for every
// glyph, so the native push is put back once they are loaded (about 10% of a PDF's parse time, same output).
export const SANDBOX_SOURCE = String.raw`
'use strict';
const paths = JSON.parse(process.argv[1]);
const nativePush = Array.prototype.push;
let PDFParse = null;
let mammoth = null;
let createWorker = null;
const docs = new Map();
const errorOf = (error) => ({ name: (error && error.name) || 'Error', message: String((error && error.message) || error) });

async function screenshot(parser, page, scale) {
  const shot = await parser.getScreenshot({ partial: [page], scale, imageDataUrl: false, imageBuffer: true });
  const data = shot.pages[0] && shot.pages[0].data;
  return data ? Buffer.from(data) : null;
}

const ops = {
  'pdf.open': (msg) => {
    PDFParse = PDFParse || require(paths.pdfParse).PDFParse;
    docs.set(msg.doc, new PDFParse({ data: msg.data, verbosity: 0 }));
    return null;
  },
  'pdf.text': async (msg) => {
    const result = await docs.get(msg.doc).getText({ first: msg.maxPages, pageJoiner: '', cellSeparator: ' ' });
    return { total: result.total, pages: result.pages.map((p) => ({ num: p.num, text: p.text })) };
  },
  'pdf.images': async (msg) => {
    const found = await docs.get(msg.doc).getImage({ partial: [msg.page], imageThreshold: msg.minSize, imageBuffer: false, imageDataUrl: false });
    return found.pages.reduce((n, p) => n + p.images.length, 0);
  },
  'pdf.render': (msg) => screenshot(docs.get(msg.doc), msg.page, msg.scale),
  // Renders and reads the pages here: the page images never cross to the caller's process.
  'pdf.ocr': async (msg) => {
    createWorker = createWorker || require(paths.tesseract).createWorker;
    const parser = docs.get(msg.doc);
    const worker = await createWorker(msg.languages, 1, { langPath: msg.langPath, cacheMethod: 'none', gzip: true });
    try {
      const texts = [];
      for (const page of msg.pages) {
        const image = await screenshot(parser, page, msg.scale);
        if (!image) continue;
        const { data } = await worker.recognize(image);
        texts.push({ page, text: data.text });
      }
      return texts;
    } finally {
      await worker.terminate();
    }
  },
  'pdf.close': async (msg) => {
    const parser = docs.get(msg.doc);
    docs.delete(msg.doc);
    if (parser) await parser.destroy().catch(() => undefined);
    return null;
  },
  // The caller read the parts through the ZIP guard; mammoth reads them from this map (its 'file' input).
  'docx.text': async (msg) => {
    mammoth = mammoth || require(paths.mammoth);
    const parts = msg.parts;
    const file = {
      exists: (name) => parts.has(name),
      read: async (name, encoding) => {
        const bytes = parts.get(name);
        if (!bytes) throw new Error('the DOCX has no part ' + name);
        if (encoding === 'base64') return Buffer.from(bytes).toString('base64');
        if (encoding) return new TextDecoder(encoding).decode(bytes);
        return bytes;
      },
    };
    return (await mammoth.extractRawText({ file })).value;
  },
};

async function preload() {
  try {
    PDFParse = require(paths.pdfParse).PDFParse;
    // Sets globalThis.pdfjsWorker, which pdf.js's in-process ("fake") worker uses instead of importing it.
    await import(require('node:url').pathToFileURL(paths.pdfWorker).href);
  } catch {
    // Loaded again (and its error reported) by the first request that needs it.
  }
  if (Array.prototype.push !== nativePush) {
    Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true, enumerable: false });
  }
}
const loaded = preload();

process.on('message', async (msg) => {
  try {
    await loaded;
    const op = ops[msg.op];
    if (!op) throw new Error('unknown sandbox operation ' + msg.op);
    process.send({ id: msg.id, value: await op(msg) });
  } catch (error) {
    process.send({ id: msg.id, error: errorOf(error) });
  }
});
process.on('disconnect', () => process.exit(0));
loaded.then(() => process.send({ ready: true }));
`;
