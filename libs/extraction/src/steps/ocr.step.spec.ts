import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractDocument } from '../extract-document';
import { ExtractionErrorCode } from '../extraction.error';

const notOk = (name: string) =>
  new Uint8Array(readFileSync(path.join(__dirname, '../../test/fixtures/not-ok', name)));

// Offline OCR with the installed English data: one small page each (about a second).
describe('OcrStep', () => {
  it('reads a scanned page and marks it as OCRed', async () => {
    const result = await extractDocument(notOk('image-only.pdf'));
    expect(result.status).toBe('parsed');
    expect(result.ocrPages).toEqual([1]);
    expect(result.terms.agreementDate).toBe('2019-03-03');
    expect(result.terms.governingLaw).toBe('Delaware');
    expect(result.evidence.governingLaw![0].page).toBe(1);
  }, 30000);

  it('fails with an actionable message when OCR finds no text', async () => {
    const result = await extractDocument(notOk('blank-scan.pdf'));
    expect(result.status).toBe('failed');
    expect(result.ocrPages).toEqual([]);
    expect(result.error).toEqual({
      code: ExtractionErrorCode.NoText,
      message:
        'The PDF has no text layer and OCR found no text; upload a clearer scan or a text-based PDF',
    });
  }, 30000);
});
