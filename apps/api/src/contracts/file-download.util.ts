/**
 * How a stored file is handed out: a PDF may be shown in the browser (`inline`); anything else (DOCX, text,
 * whatever a sniffer might take for HTML) only as a download (`attachment`). The name keeps its Unicode
 * (RFC 6266 / RFC 8187 `filename*`).
 */
export function contentDisposition(mediaType: string, fileName: string): string {
  const kind = mediaType === 'application/pdf' ? 'inline' : 'attachment';
  return `${kind}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A download (never shown inline), with an ASCII fallback name and the Unicode one (RFC 6266 / RFC 8187). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
