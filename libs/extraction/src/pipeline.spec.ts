import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeDocx } from '../test/make-docx';
import { extractDocument } from './extract-document';
import { ExtractionErrorCode } from './extraction.error';
import { MEDIA_TYPES } from './media-type';
import { runPipeline } from './pipeline';
import type { ExtractionStep } from './steps/step.types';

const notOk = (name: string) =>
  new Uint8Array(readFileSync(path.join(__dirname, '../test/fixtures/not-ok', name)));

describe('extractDocument: files it cannot read', () => {
  it('an encrypted PDF fails with an actionable message', async () => {
    const result = await extractDocument(notOk('encrypted.pdf'), { ocr: false });
    expect(result.status).toBe('failed');
    expect(result.error).toEqual({
      code: ExtractionErrorCode.Encrypted,
      message: 'The PDF is encrypted (password protected); upload an unprotected copy',
    });
    expect(result.text).toBe('');
  });

  it('a truncated PDF fails as corrupt', async () => {
    const result = await extractDocument(notOk('truncated.pdf'), { ocr: false });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe(ExtractionErrorCode.CorruptPdf);
    expect(result.error?.message).toMatch(/truncated or damaged/);
  });

  it('a PDF whose page is only a picture fails without OCR and says so', async () => {
    const result = await extractDocument(notOk('image-only.pdf'), { ocr: false });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe(ExtractionErrorCode.NoText);
    expect(result.error?.message).toMatch(/no text layer and OCR is turned off/);
    expect(result.pages).toBe(1);
  });

  it('an empty DOCX fails with no_text', async () => {
    const result = await extractDocument(makeDocx([]));
    expect(result.mediaType).toBe(MEDIA_TYPES.docx);
    expect(result.status).toBe('failed');
    expect(result.error).toEqual({
      code: ExtractionErrorCode.NoText,
      message: 'The DOCX contains no text; upload the contract with its content',
    });
  });

  it('an empty file and an unknown binary fail before any parsing', async () => {
    expect((await extractDocument(new Uint8Array(0))).error?.code).toBe(
      ExtractionErrorCode.EmptyFile,
    );
    const binary = await extractDocument(new Uint8Array([0, 1, 2, 3, 0xff, 0xd8, 0, 0]));
    expect(binary.error?.code).toBe(ExtractionErrorCode.UnsupportedMediaType);
    expect(binary.mediaType).toBeNull();
  });

  it('a ZIP that claims to be a DOCX but is not one fails as a corrupt DOCX', async () => {
    const fake = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('word/ garbage that is not a zip'),
    ]);
    const result = await extractDocument(fake);
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe(ExtractionErrorCode.CorruptDocx);
  });
});

describe('extractDocument: DOCX and TXT', () => {
  it('reads a DOCX as one page with terms and evidence', async () => {
    const docx = makeDocx([
      'DISTRIBUTION AGREEMENT',
      'This Distribution Agreement is made as of March 3, 2019 by and between Acme Corp., a Delaware corporation ("Supplier"), and Beta LLC ("Distributor").',
      'This Agreement shall be governed by the laws of the State of New York.',
    ]);
    const result = await extractDocument(docx);
    expect(result.status).toBe('parsed');
    expect(result.pages).toBe(1);
    expect(result.terms).toMatchObject({
      title: 'DISTRIBUTION AGREEMENT',
      agreementDate: '2019-03-03',
      governingLaw: 'New York',
    });
    expect(result.terms.parties).toEqual([
      { name: 'Acme Corp.', role: 'Supplier' },
      { name: 'Beta LLC', role: 'Distributor' },
    ]);
    const span = result.evidence.governingLaw![0];
    expect(result.text.slice(span.start, span.end)).toBe(span.text);
  });

  it('reads a UTF-8 text file with form feeds as pages', async () => {
    const txt = Buffer.from(
      'SERVICES AGREEMENT\fThe laws of the State of Texas shall govern this Agreement.\f',
      'utf8',
    );
    const result = await extractDocument(txt);
    expect(result.mediaType).toBe(MEDIA_TYPES.txt);
    expect(result.pages).toBe(3);
    expect(result.terms.governingLaw).toBe('Texas');
    expect(result.evidence.governingLaw![0].page).toBe(2);
    expect(result.text.slice(result.pageStarts[1]).startsWith('The laws')).toBe(true);
  });
});

describe('runPipeline', () => {
  it('runs cleanup of every step that ran, even when a later step fails, and never throws', async () => {
    const cleaned: string[] = [];
    const step = (name: string, fail = false): ExtractionStep => ({
      name,
      canRun: () => true,
      run: async () => {
        if (fail) throw new Error('boom');
      },
      cleanup: async () => {
        cleaned.push(name);
      },
    });
    const result = await runPipeline(Buffer.from('text'), {}, [
      step('a'),
      step('b', true),
      step('c'),
    ]);
    expect(result.status).toBe('failed');
    expect(result.error).toEqual({
      code: ExtractionErrorCode.Internal,
      message: 'Extraction failed unexpectedly (boom)',
    });
    expect(cleaned).toEqual(['b', 'a']);
  });
});
