import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { craftZip, deflateBomb } from '@cb/archive';
import { peakRssGrowth as peakGrowth } from '@cb/test-support/peak-rss';
import { docxParts } from '../testing/make-docx';
import { extractDocument } from '../extract-document';
import { ExtractionErrorCode } from '../extraction.error';

const MIB = 1024 * 1024;
const NORDIC = path.join(__dirname, '../../../../test/fixtures/nordic');

/** A DOCX whose word/document.xml is a deflate stream of `mebibytes` MiB of zeros, declaring `declaredSize`. */
function docxBomb(mebibytes: number, declaredSize: number): Buffer {
  const parts = docxParts(['Master Services Agreement']).filter(
    ([name]) => name !== 'word/document.xml',
  );
  return craftZip([
    ...parts.map(([name, content]) => ({ name, data: Buffer.from(content, 'utf8') })),
    { name: 'word/document.xml', deflated: deflateBomb(mebibytes), declaredSize },
  ]);
}

describe('DocxTextStep: the DOCX is read through the ZIP guard', () => {
  it('reads every Nordic DOCX fixture to exactly the text mammoth reads on its own', async () => {
    const files = readdirSync(NORDIC).filter((f) => f.endsWith('.docx'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const data = readFileSync(path.join(NORDIC, file));
      const direct = (await mammoth.extractRawText({ buffer: data })).value;
      const result = await extractDocument(new Uint8Array(data), { ocr: false });
      expect(result.error).toBeNull();
      // The pipeline's layout step normalises the text; compare its words with mammoth's own reading.
      const words = (s: string) => s.split(/\s+/).filter(Boolean).join(' ');
      expect(words(result.text)).toBe(words(direct));
    }
  }, 30_000);

  it('a 4 MB DOCX that declares ~3.9 GiB unpacked ends docx_corrupt before anything is inflated', async () => {
    const bomb = docxBomb(4000, 4000 * MIB);
    expect(bomb.length).toBeLessThan(5 * MIB);
    const { result, growth } = await peakGrowth(() => extractDocument(bomb));
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe(ExtractionErrorCode.CorruptDocx);
    expect(result.error?.message).toMatch(/decompression bomb/);
    expect(growth).toBeLessThan(64 * MIB);
  }, 30_000);

  it('a 4 MB DOCX whose header lies (2 KB declared, ~3.9 GiB inside) stops at the declared size', async () => {
    const bomb = docxBomb(4000, 2048);
    const { result, growth } = await peakGrowth(() => extractDocument(bomb));
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe(ExtractionErrorCode.CorruptDocx);
    expect(result.error?.message).toMatch(/decompression bomb/);
    // Before the guard, mammoth's own unzip inflated the part whole: RSS grew by gigabytes.
    expect(growth).toBeLessThan(64 * MIB);
  }, 30_000);

  it('a DOCX whose honest part is over the per-part budget ends docx_corrupt without inflating past it', async () => {
    const bomb = docxBomb(200, 200 * MIB);
    const { result, growth } = await peakGrowth(() => extractDocument(bomb));
    expect(result.error?.code).toBe(ExtractionErrorCode.CorruptDocx);
    expect(growth).toBeLessThan(128 * MIB);
  }, 30_000);
});
