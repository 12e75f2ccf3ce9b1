import { existsSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { OCR_LANGUAGES, ocrLangPath } from './ocr-languages';

describe('ocrLangPath', () => {
  it('links every OCR language to this installation', () => {
    const dir = ocrLangPath();
    for (const code of OCR_LANGUAGES) {
      const link = path.join(dir, `${code}.traineddata.gz`);
      expect(existsSync(link)).toBe(true);
      expect(readlinkSync(link)).toContain(`@tesseract.js-data/${code}`);
    }
  });

  it('replaces a dangling link left by a checkout that has been removed', () => {
    const dir = ocrLangPath();
    const link = path.join(dir, 'eng.traineddata.gz');
    unlinkSync(link);
    symlinkSync('/removed-checkout/node_modules/eng.traineddata.gz', link);
    expect(existsSync(link)).toBe(false);

    expect(ocrLangPath()).toBe(dir);
    expect(existsSync(link)).toBe(true);
    expect(readlinkSync(link)).toContain('@tesseract.js-data/eng');
  });
});
