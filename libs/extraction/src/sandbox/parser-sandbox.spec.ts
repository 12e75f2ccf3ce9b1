import { readFileSync } from 'node:fs';
import path from 'node:path';
import { peakRssGrowth as peakGrowth } from '@cb/test-support/peak-rss';
import { docxParserBomb, pdfBomb } from '../testing/parser-bombs';
import { extractDocument } from '../extract-document';
import { ExtractionErrorCode } from '../extraction.error';
import {
  configureParserSandbox,
  DEFAULT_SANDBOX_LIMITS,
  idleParserPids,
  lastSandboxRun,
  shutdownParserSandbox,
  warmParserSandbox,
} from './parser-sandbox';

const MIB = 1024 * 1024;
const okPdf = () =>
  new Uint8Array(
    readFileSync(
      path.join(
        __dirname,
        '../../test/fixtures/ok/ADUROBIOTECH_INC_06_02_2020-EX-10.7-CONSULTING_AGREEMENT.pdf',
      ),
    ),
  );

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether the process is still there after the kernel had up to a second to reap it. */
async function alive(pid: number): Promise<boolean> {
  for (let i = 0; i < 50 && running(pid); i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return running(pid);
}

describe('parser sandbox: every parser runs under a memory and a time limit in its own process', () => {
  beforeEach(() => {
    shutdownParserSandbox();
    configureParserSandbox({ memoryMb: 384, timeoutMs: 60_000 });
  });
  afterAll(() => {
    shutdownParserSandbox();
    configureParserSandbox(DEFAULT_SANDBOX_LIMITS);
  });

  it('a PDF whose page inflates to 2 GiB kills its sandbox, not this process, and fails document_memory_limit', async () => {
    const bomb = pdfBomb(2048);
    expect(bomb.length).toBeLessThan(3 * MIB);
    const { result, growth } = await peakGrowth(() => extractDocument(bomb, { ocr: false }));
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe(ExtractionErrorCode.MemoryLimit);
    expect(result.error?.message).toMatch(/more than 384 MB of memory/);
    // Before the sandbox, pdf.js ran in a thread of this process: its RSS grew by the inflated size.
    expect(growth).toBeLessThan(100 * MIB);
    const run = lastSandboxRun()!;
    expect(run.stoppedBy).toBe('memory');
    expect(run.peakRssBytes).toBeGreaterThan(384 * MIB);
    expect(await alive(run.pid)).toBe(false);

    // The next document gets a fresh process and reads normally.
    const next = await extractDocument(okPdf(), { ocr: false });
    expect(next.error).toBeNull();
    expect(next.text.length).toBeGreaterThan(1000);
  }, 60_000);

  it('a DOCX that parses into more objects than the memory limit fails document_memory_limit', async () => {
    const bomb = docxParserBomb(1_500_000); // ~52 MB of XML: within the ZIP limits, too much for mammoth
    const { result, growth } = await peakGrowth(() => extractDocument(bomb));
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe(ExtractionErrorCode.MemoryLimit);
    expect(result.error?.message).toMatch(
      /^The DOCX could not be read: it needed more than 384 MB/,
    );
    // This process only held the guarded XML part on its way to the sandbox.
    expect(growth).toBeLessThan(200 * MIB);
    expect(lastSandboxRun()?.stoppedBy).toBe('memory');
  }, 60_000);

  it('a parse that outlasts the time limit is killed and fails with a timeout reason', async () => {
    configureParserSandbox({ timeoutMs: 30 });
    const result = await extractDocument(okPdf(), { ocr: false });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe(ExtractionErrorCode.Timeout);
    expect(result.error?.message).toMatch(
      /^The PDF could not be read in time \(reading took longer than 0\.03 s\)/,
    );
    const run = lastSandboxRun()!;
    expect(run.stoppedBy).toBe('timeout');
    expect(await alive(run.pid)).toBe(false);
  }, 60_000);

  it('reuses one lean process across documents and stops it on shutdown', async () => {
    configureParserSandbox({ memoryMb: 1024 });
    await extractDocument(okPdf(), { ocr: false });
    const first = lastSandboxRun()!.pid;
    await extractDocument(okPdf(), { ocr: false });
    expect(lastSandboxRun()!.pid).toBe(first);
    expect(running(first)).toBe(true);
    shutdownParserSandbox();
    expect(await alive(first)).toBe(false);
  }, 60_000);

  it('a warm process serves documents one after another; a bomb in one does not touch the next, and memory returns to baseline', async () => {
    warmParserSandbox();
    const [warm] = idleParserPids();
    expect(warm).toBeGreaterThan(0);
    const first = await extractDocument(okPdf(), { ocr: false });
    expect(lastSandboxRun()!.pid).toBe(warm);
    const baseline = process.memoryUsage.rss();

    const bomb = await extractDocument(pdfBomb(2048), { ocr: false });
    expect(bomb.error?.code).toBe(ExtractionErrorCode.MemoryLimit);
    expect(lastSandboxRun()).toMatchObject({ pid: warm, stoppedBy: 'memory' });
    expect(await alive(warm)).toBe(false);
    // A fresh process is already waiting for the next document.
    const [fresh] = idleParserPids();
    expect(fresh).toBeGreaterThan(0);
    expect(fresh).not.toBe(warm);

    const next = await extractDocument(okPdf(), { ocr: false });
    expect(lastSandboxRun()).toMatchObject({ pid: fresh, stoppedBy: null });
    expect(next.text).toBe(first.text);
    expect(next.terms).toEqual(first.terms);
    expect(process.memoryUsage.rss() - baseline).toBeLessThan(50 * MIB);
    // The process that read it is lean again and kept for the one after.
    expect(idleParserPids()).toEqual([fresh]);
  }, 90_000);

  it('a timeout in one document kills its process; the next document reads the same as before', async () => {
    warmParserSandbox();
    const first = await extractDocument(okPdf(), { ocr: false });
    const reused = lastSandboxRun()!.pid;
    configureParserSandbox({ timeoutMs: 30 });
    const slow = await extractDocument(okPdf(), { ocr: false });
    expect(slow.error?.code).toBe(ExtractionErrorCode.Timeout);
    expect(lastSandboxRun()).toMatchObject({ pid: reused, stoppedBy: 'timeout' });
    expect(await alive(reused)).toBe(false);
    configureParserSandbox({ timeoutMs: 60_000 });
    const next = await extractDocument(okPdf(), { ocr: false });
    expect(next.error).toBeNull();
    expect(lastSandboxRun()!.pid).not.toBe(reused);
    expect(next.text).toBe(first.text);
  }, 90_000);
});
