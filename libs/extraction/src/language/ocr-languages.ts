import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The OCR languages, one installed `@tesseract.js-data/<code>` package each (never a download). */
export const OCR_LANGUAGES = ['eng', 'fin', 'swe'] as const;

/** The folder of an installed tesseract language package (its LSTM data, gzipped). */
function packageFolder(code: (typeof OCR_LANGUAGES)[number]): string {
  const pkg = require.resolve(`@tesseract.js-data/${code}/package.json`);
  return path.join(path.dirname(pkg), '4.0.0');
}

/**
 * One folder holding the English, Finnish and Swedish trained data of the installed packages, for
 * tesseract.js's single `langPath` (each package is a folder of its own). The folder holds symbolic links
 * to the packages' files, made once per process in the temporary directory; OCR then reads every page with
 * `eng+fin+swe`, so "ä", "ö" and "å" of a Nordic scan survive.
 */
export function ocrLangPath(): string {
  const dir = path.join(tmpdir(), `contract-bank-tessdata-${process.getuid?.() ?? 'user'}`);
  mkdirSync(dir, { recursive: true });
  for (const code of OCR_LANGUAGES) {
    const link = path.join(dir, `${code}.traineddata.gz`);
    if (!existsSync(link)) {
      try {
        symlinkSync(path.join(packageFolder(code), `${code}.traineddata.gz`), link);
      } catch (error) {
        // Another process made it first.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }
  return dir;
}

/** The language string for tesseract.js: "eng+fin+swe". */
export const OCR_LANGUAGE_STRING = OCR_LANGUAGES.join('+');
