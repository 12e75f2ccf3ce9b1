import { Worker } from 'node:worker_threads';
import { PdfWorkerError } from './pdf-worker.error';

/** One page of a PDF's text layer as pdf-parse returns it. */
export interface PdfPageText {
  num: number;
  text: string;
}

// pdf.js runs in a worker thread: a hostile or broken PDF cannot block or crash the caller's thread, a hung
// parse can be cut off by terminating the thread, and pdf.js can load its own worker module there (it needs a
// dynamic import, which Jest's VM sandbox refuses). The thread stays alive between documents.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require(workerData.pdfParsePath);
const docs = new Map();
const reply = (id, value) => parentPort.postMessage({ id, value });
parentPort.on('message', async (msg) => {
  const { id, op } = msg;
  try {
    if (op === 'open') {
      docs.set(msg.doc, new PDFParse({ data: msg.data, verbosity: 0 }));
      reply(id, null);
    } else if (op === 'text') {
      const result = await docs.get(msg.doc).getText({ first: msg.maxPages, pageJoiner: '', cellSeparator: ' ' });
      reply(id, { total: result.total, pages: result.pages.map((p) => ({ num: p.num, text: p.text })) });
    } else if (op === 'images') {
      const found = await docs.get(msg.doc).getImage({ partial: [msg.page], imageThreshold: msg.minSize, imageBuffer: false, imageDataUrl: false });
      reply(id, found.pages.reduce((n, p) => n + p.images.length, 0));
    } else if (op === 'render') {
      const shot = await docs.get(msg.doc).getScreenshot({ partial: [msg.page], scale: msg.scale, imageDataUrl: false, imageBuffer: true });
      const data = shot.pages[0] && shot.pages[0].data;
      reply(id, data ? Buffer.from(data) : null);
    } else if (op === 'close') {
      const parser = docs.get(msg.doc);
      docs.delete(msg.doc);
      if (parser) await parser.destroy().catch(() => undefined);
      reply(id, null);
    }
  } catch (error) {
    parentPort.postMessage({ id, error: { name: (error && error.name) || 'Error', message: String((error && error.message) || error) } });
  }
});
`;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

interface WorkerReply {
  id: number;
  value?: unknown;
  error?: { name: string; message: string };
}

class PdfWorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private dead = false;

  constructor(private readonly onDead: () => void) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { pdfParsePath: require.resolve('pdf-parse') },
    });
    this.worker.unref();
    this.worker.on('message', (message: WorkerReply) => this.settle(message));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the PDF thread exited (code ${code})`)));
  }

  request<T>(
    op: string,
    payload: Record<string, unknown>,
    timeoutMs: number,
    transfer: ArrayBuffer[] = [],
  ): Promise<T> {
    if (this.dead) return Promise.reject(new Error('the PDF thread is not running'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(
          new PdfWorkerError(
            'TimeoutError',
            `reading the PDF took longer than ${Math.round(timeoutMs / 1000)} s`,
          ),
        );
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      // Keep the process alive only while a request is waiting.
      this.worker.ref();
      this.worker.postMessage({ id, op, ...payload }, transfer);
    });
  }

  private settle(message: WorkerReply): void {
    const entry = this.pending.get(message.id);
    if (!entry) return;
    this.pending.delete(message.id);
    clearTimeout(entry.timer);
    if (this.pending.size === 0) this.worker.unref();
    if (message.error) entry.reject(new PdfWorkerError(message.error.name, message.error.message));
    else entry.resolve(message.value);
  }

  private fail(error: Error): void {
    if (!this.dead) {
      this.dead = true;
      this.onDead();
      void this.worker.terminate();
    }
    for (const [id, entry] of this.pending) {
      clearTimeout(entry.timer);
      entry.reject(error);
      this.pending.delete(id);
    }
  }

  terminate(): Promise<number> {
    this.dead = true;
    this.onDead();
    return this.worker.terminate();
  }
}

let shared: PdfWorkerClient | null = null;

function client(): PdfWorkerClient {
  shared ??= new PdfWorkerClient(() => {
    shared = null;
  });
  return shared;
}

let nextDoc = 1;

/** A PDF opened in the PDF thread; close it when done. */
export class PdfDocument {
  private constructor(
    private readonly worker: PdfWorkerClient,
    private readonly doc: number,
    private readonly timeoutMs: number,
  ) {}

  static async open(data: Uint8Array, timeoutMs: number): Promise<PdfDocument> {
    const worker = client();
    const doc = nextDoc++;
    // pdf.js takes ownership of the bytes: send a copy and transfer it.
    const copy = new Uint8Array(data);
    await worker.request('open', { doc, data: copy }, timeoutMs, [copy.buffer]);
    return new PdfDocument(worker, doc, timeoutMs);
  }

  text(maxPages: number): Promise<{ total: number; pages: PdfPageText[] }> {
    return this.worker.request('text', { doc: this.doc, maxPages }, this.timeoutMs);
  }

  /** How many pictures at least `minSize` pixels wide and high one 1-based page draws (a scan draws one). */
  imageCount(page: number, minSize: number): Promise<number> {
    return this.worker.request('images', { doc: this.doc, page, minSize }, this.timeoutMs);
  }

  /** PNG of one 1-based page, rendered at `scale` × 72 dpi. */
  render(page: number, scale: number): Promise<Uint8Array | null> {
    return this.worker.request('render', { doc: this.doc, page, scale }, this.timeoutMs);
  }

  async close(): Promise<void> {
    await this.worker.request('close', { doc: this.doc }, 10_000).catch(() => undefined);
  }
}

/** Stops the PDF thread (tests, graceful worker shutdown); the next document starts a new one. */
export async function shutdownPdfThread(): Promise<void> {
  const current = shared;
  shared = null;
  if (current) await current.terminate();
}
