import { craftZip, deflateBomb } from '@cb/archive';
import { docxParts } from './make-docx';

/**
 * A one-page PDF whose content stream is a FlateDecode bomb: about 1 KB per MiB of zeros (PDF whitespace).
 * pdf.js keeps every decoded byte of a stream, so reading the page's text allocates the whole inflated size.
 */
export function pdfBomb(mebibytes: number): Buffer {
  const inflated = mebibytes * 1024 * 1024;
  const adler = Buffer.alloc(4);
  // Adler-32 of n zero bytes: a = 1, b = n mod 65521.
  adler.writeUInt32BE((((inflated % 65521) << 16) | 1) >>> 0, 0);
  const stream = Buffer.concat([Buffer.from([0x78, 0x9c]), deflateBomb(mebibytes), adler]);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let length = parts[0].length;
  const push = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  objects.forEach((body, i) => {
    offsets.push(length);
    push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`));
  });
  offsets.push(length);
  push(Buffer.from(`4 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`));
  push(stream);
  push(Buffer.from('\nendstream\nendobj\n'));
  const xrefAt = length;
  const xref = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(
    Buffer.from(
      `xref\n0 5\n0000000000 65535 f \n${xref}trailer\n<< /Root 1 0 R /Size 5 >>\nstartxref\n${xrefAt}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

/**
 * A DOCX within the ZIP limits whose document.xml holds `paragraphs` empty paragraphs: a few MB packed, tens
 * of MB of XML, and far more memory once mammoth has parsed it into objects (a parser bomb, not a ZIP bomb).
 */
export function docxParserBomb(paragraphs: number): Buffer {
  const parts = docxParts(['x']).filter(([name]) => name !== 'word/document.xml');
  const body = '<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(paragraphs);
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return craftZip([
    ...parts.map(([name, content]) => ({ name, data: Buffer.from(content, 'utf8') })),
    { name: 'word/document.xml', data: Buffer.from(xml, 'utf8') },
  ]);
}
