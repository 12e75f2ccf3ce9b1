export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
} as const;

export type MediaType = (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES];

/** How many leading bytes `sniffMediaType` needs to decide. */
export const SNIFF_BYTES = 8192;

/**
 * Judges a file's type by its leading bytes only, never by its name or declared type.
 * PDF: the `%PDF-` signature (within the first 1 KiB, as readers allow);
 * DOCX: a ZIP whose first entries name `word/` or `[Content_Types].xml`;
 * TXT: valid UTF-8 (or UTF-16 with a BOM) without NUL or other binary control bytes.
 */
export function sniffMediaType(head: Uint8Array): MediaType | null {
  if (head.length === 0) return null;
  const buf = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const pdfAt = buf.subarray(0, 1024).indexOf('%PDF-');
  if (pdfAt >= 0) return MEDIA_TYPES.pdf;
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
    const latin = buf.toString('latin1');
    return latin.includes('word/') || latin.includes('[Content_Types].xml')
      ? MEDIA_TYPES.docx
      : null;
  }
  return looksLikeText(buf) ? MEDIA_TYPES.txt : null;
}

function looksLikeText(buf: Buffer): boolean {
  if (
    buf.length >= 2 &&
    ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))
  ) {
    return true;
  }
  // The sniffed window may cut a multi-byte character in half: ignore up to 3 trailing bytes.
  let end = buf.length;
  for (let i = 0; i < 3 && end > 0 && (buf[end - 1] & 0xc0) === 0x80; i++) end--;
  if (end > 0 && buf[end - 1] >= 0xc0) end--;
  const body = buf.subarray(0, end);
  for (const byte of body) {
    // Tab, LF, FF, CR are text; other C0 controls (and NUL) mean binary.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d)
      return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}
