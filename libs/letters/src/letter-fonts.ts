import { readFileSync } from 'node:fs';

/**
 * The typeface embedded in every PDF letter: DejaVu Serif (the dejavu-fonts-ttf package, Bitstream Vera
 * licence), which covers Latin-1 and Latin Extended (ä ö å, ü, š, ł, ő ...), so "Åbo Ångström Oy" prints
 * and its text extracts exactly. The PDF's standard fonts cannot: they stop at WinAnsi.
 */
export interface LetterFonts {
  regular: Buffer;
  bold: Buffer;
}

let cached: LetterFonts | null = null;

export function letterFonts(): LetterFonts {
  cached ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf')),
  };
  return cached;
}

/** The font family named in the DOCX: Word and LibreOffice have it or a metric-compatible substitute. */
export const DOCX_FONT = 'Cambria';
