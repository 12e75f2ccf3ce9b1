import { createHash } from 'node:crypto';
import { mkdirSync, readlinkSync, renameSync, symlinkSync, unlinkSync } from 'node:fs';
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
 * to the packages' files in the temporary directory; OCR then reads every page with `eng+fin+swe`, so "ä",
 * "ö" and "å" of a Nordic scan survive.
 *
 * The folder's name carries a hash of where the packages are installed, so two checkouts on one machine
 * never share links, and a link that does not point at this installation's file (left by an earlier
 * checkout that has since been removed) is replaced, atomically, rather than trusted.
 */
export function ocrLangPath(): string {
  const targets = OCR_LANGUAGES.map((code) => ({
    code,
    target: path.join(packageFolder(code), `${code}.traineddata.gz`),
  }));
  const installation = createHash('sha256')
    .update(targets.map((t) => t.target).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const dir = path.join(
    tmpdir(),
    `contract-bank-tessdata-${process.getuid?.() ?? 'user'}-${installation}`,
  );
  mkdirSync(dir, { recursive: true });
  for (const { code, target } of targets) {
    const link = path.join(dir, `${code}.traineddata.gz`);
    if (currentTarget(link) === target) continue;
    // A fresh link under a name of this process's own, renamed over the old one: a concurrent
    // reader sees either the old link or the new, never none.
    const fresh = `${link}.${process.pid}.${Date.now()}`;
    symlinkSync(target, fresh);
    try {
      renameSync(fresh, link);
    } catch (error) {
      unlinkSync(fresh);
      throw error;
    }
  }
  return dir;
}

/** Where a symbolic link points, or undefined when there is none. */
function currentTarget(link: string): string | undefined {
  try {
    return readlinkSync(link);
  } catch {
    return undefined;
  }
}

/** The language string for tesseract.js: "eng+fin+swe". */
export const OCR_LANGUAGE_STRING = OCR_LANGUAGES.join('+');
