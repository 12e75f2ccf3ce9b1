import PDFDocument from 'pdfkit';
import { letterFonts } from './letter-fonts';
import { plainText, segments } from './letter-text.util';
import type { NoticeLetterContent } from './notice-letter';

type Doc = PDFKit.PDFDocument;

const MM = 72 / 25.4;
const MARGINS = { top: 20 * MM, bottom: 22 * MM, left: 25 * MM, right: 20 * MM };
const INK = '#1a1a1a';
const MUTED = '#555555';
// Blanks stand out on screen and on paper, so nobody sends "[address]" by mistake.
const BLANK_INK = '#b45309';
const SIZE = { body: 10.5, small: 9, subject: 13, company: 12.5 };
const LINE_GAP = 2;
const PARAGRAPH_GAP = 8;
const QUOTE_INDENT = 10 * MM;
const QUOTE_BAR = 4 * MM;

/** The letter as an A4 PDF with DejaVu Serif embedded. */
export async function renderPdfLetter(content: NoticeLetterContent): Promise<Buffer> {
  const fonts = letterFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    lang: content.lang,
    info: {
      Title: content.subject,
      Author: plainText(content.sender.name),
      Subject: content.reference.map((r) => plainText(r.value)).join(' · '),
    },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = MARGINS.left;
  const width = doc.page.width - MARGINS.left - MARGINS.right;

  // Letterhead: the sender on the left, place and date on the right, a rule below.
  const top = doc.y;
  doc.font('regular').fontSize(SIZE.body);
  writeRightAligned(doc, content.placeAndDate, left + width, top);
  const rightBottom = doc.y;
  doc.font('bold').fontSize(SIZE.company);
  write(doc, content.sender.name, { x: left, y: top, width: width * 0.55 });
  doc.font('regular').fontSize(SIZE.small).fillColor(MUTED);
  for (const line of content.sender.lines)
    write(doc, line, { x: left, width: width * 0.55 }, MUTED);
  doc.y = Math.max(doc.y, rightBottom) + 4 * MM;
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  doc.y += 10 * MM;

  // Recipient.
  doc.font('regular').fontSize(SIZE.body);
  content.recipient.forEach((line, i) => {
    doc.font(i === 0 ? 'bold' : 'regular');
    write(doc, line, { x: left, width });
  });
  doc.y += 12 * MM;

  // Subject and the agreement it concerns.
  doc.font('bold').fontSize(SIZE.subject);
  write(doc, content.subject, { x: left, width });
  doc.y += 3 * MM;
  referenceBlock(doc, content.reference, left, width);
  doc.y += 5 * MM;

  doc.font('regular').fontSize(SIZE.body);
  const paragraph = (text: string) =>
    write(doc, text, { x: left, width, paragraphGap: PARAGRAPH_GAP });
  if (content.salutation) paragraph(content.salutation);
  content.opening.forEach(paragraph);

  // The clause, set off: indented, with a rule down its left side on every page it runs over.
  keepRoom(doc, lineHeight(doc) * 4);
  paragraph(content.clauseIntro);
  quote(doc, content.clause, left, width);
  content.closingParagraphs.forEach(paragraph);

  // The signature block stays together on one page.
  keepRoom(doc, lineHeight(doc) * 6 + 18 * MM);
  paragraph(content.closing);
  doc.font('bold');
  write(doc, content.signature.company, { x: left, width });
  doc.y += 16 * MM;
  doc
    .moveTo(left, doc.y)
    .lineTo(left + 70 * MM, doc.y)
    .lineWidth(0.5)
    .strokeColor(INK)
    .stroke();
  doc.y += 2 * MM;
  doc.font('regular');
  write(doc, content.signature.name, { x: left, width });
  write(doc, content.signature.title, { x: left, width });

  pageFooters(doc, content);
  doc.end();
  return finished;
}

/**
 * Writes one paragraph; blanks in the text are drawn in their own colour. pdfkit carries the options of the
 * first run over the `continued` ones, and breaks pages by itself.
 */
function write(
  doc: Doc,
  text: string,
  options: PDFKit.Mixins.TextOptions & { x?: number; y?: number },
  ink = INK,
): void {
  const { x, y, ...rest } = options;
  const runs = segments(text).filter((s) => s.text.length > 0);
  if (!runs.length) return;
  runs.forEach((run, i) => {
    doc.fillColor(run.blank ? BLANK_INK : ink);
    const more = i < runs.length - 1;
    if (i === 0) doc.text(run.text, x, y, { lineGap: LINE_GAP, ...rest, continued: more });
    else doc.text(run.text, { continued: more });
  });
  doc.fillColor(INK);
}

/** One line ending at `right`; pdfkit cannot right-align text made of several coloured runs. */
function writeRightAligned(doc: Doc, text: string, right: number, y: number): void {
  const runs = segments(text).filter((s) => s.text.length > 0);
  let x = right - runs.reduce((sum, run) => sum + doc.widthOfString(run.text), 0);
  for (const run of runs) {
    doc.fillColor(run.blank ? BLANK_INK : INK).text(run.text, x, y, { lineBreak: false });
    x += doc.widthOfString(run.text);
  }
  doc.fillColor(INK);
  doc.y = y + lineHeight(doc);
}

function referenceBlock(
  doc: Doc,
  rows: NoticeLetterContent['reference'],
  left: number,
  width: number,
): void {
  doc.fontSize(SIZE.body);
  const labelWidth =
    Math.max(...rows.map((r) => doc.font('bold').widthOfString(`${r.label}:`))) + 4 * MM;
  for (const row of rows) {
    const y = doc.y;
    doc.font('bold');
    write(doc, `${row.label}:`, { x: left, y, width: labelWidth });
    const labelBottom = doc.y;
    doc.font('regular');
    write(doc, row.value, { x: left + labelWidth, y, width: width - labelWidth });
    doc.y = Math.max(doc.y, labelBottom);
  }
}

function quote(doc: Doc, paragraphs: string[], left: number, width: number): void {
  const startPage = currentPage(doc);
  const startY = doc.y;
  doc.font('regular').fontSize(SIZE.body);
  paragraphs.forEach((p, i) =>
    write(doc, p, {
      x: left + QUOTE_INDENT,
      width: width - QUOTE_INDENT,
      paragraphGap: i === paragraphs.length - 1 ? 0 : PARAGRAPH_GAP / 2,
    }),
  );
  const endPage = currentPage(doc);
  const endY = doc.y;
  const barX = left + QUOTE_BAR;
  for (let page = startPage; page <= endPage; page++) {
    doc.switchToPage(page);
    const from = page === startPage ? startY : MARGINS.top;
    const to = page === endPage ? endY : doc.page.height - MARGINS.bottom;
    doc.moveTo(barX, from).lineTo(barX, to).lineWidth(2).strokeColor('#b8b8b8').stroke();
  }
  doc.switchToPage(endPage);
  doc.x = left;
  doc.y = endY + PARAGRAPH_GAP * 1.5;
}

function pageFooters(doc: Doc, content: NoticeLetterContent): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise make pdfkit open a new page.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(SIZE.small).fillColor(MUTED);
    doc.text(
      content.page.replace('{page}', String(i - start + 1)).replace('{pages}', String(count)),
      MARGINS.left,
      doc.page.height - 14 * MM,
      {
        width: doc.page.width - MARGINS.left - MARGINS.right,
        align: 'right',
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = MARGINS.bottom;
  }
  doc.fillColor(INK);
}

function currentPage(doc: Doc): number {
  const { start, count } = doc.bufferedPageRange();
  return start + count - 1;
}

function lineHeight(doc: Doc): number {
  return doc.currentLineHeight(true) + LINE_GAP;
}

/** Starts a new page unless `height` points are left on this one. */
function keepRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGINS.bottom) {
    doc.addPage();
    doc.x = MARGINS.left;
  }
}
