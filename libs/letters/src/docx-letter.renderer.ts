import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type IParagraphOptions,
} from 'docx';
import { DOCX_FONT } from './letter-fonts';
import { plainText, segments } from './letter-text.util';
import type { NoticeLetterContent } from './notice-letter';

// Word measures in twentieths of a point (twips); 1 mm = 56.7 twips. Font sizes are in half-points.
const MM = 56.7;
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 20 * MM, bottom: 22 * MM, left: 25 * MM, right: 20 * MM };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const SIZE = { body: 21, small: 18, subject: 26, company: 25 };
const MUTED = '555555';
const GAP = 160;

interface RunStyle {
  bold?: boolean;
  size?: number;
  color?: string;
}

/** The letter as a DOCX (A4), the same content as the PDF, ready to edit and sign. */
export async function renderDocxLetter(content: NoticeLetterContent): Promise<Buffer> {
  const labelWidth = 38 * MM;
  const paragraph = (text: string, options: Omit<IParagraphOptions, 'children'> = {}) =>
    new Paragraph({ spacing: { after: GAP }, ...options, children: runs(text) });

  const children: Paragraph[] = [
    // Letterhead: the sender, and the place and date at the right margin.
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      children: [
        ...runs(content.sender.name, { bold: true, size: SIZE.company }),
        new TextRun({ text: '\t' }),
        ...runs(content.placeAndDate),
      ],
    }),
    ...content.sender.lines.map(
      (line, i) =>
        new Paragraph({
          children: runs(line, { size: SIZE.small, color: MUTED }),
          ...(i === content.sender.lines.length - 1
            ? {
                border: {
                  bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 6 },
                },
                spacing: { after: 10 * MM },
              }
            : {}),
        }),
    ),
    // Recipient.
    ...content.recipient.map(
      (line, i) =>
        new Paragraph({
          children: runs(line, { bold: i === 0 }),
          spacing: i === content.recipient.length - 1 ? { after: 12 * MM } : undefined,
        }),
    ),
    // Subject and the agreement it concerns.
    new Paragraph({
      keepNext: true,
      spacing: { after: 3 * MM },
      children: runs(content.subject, { bold: true, size: SIZE.subject }),
    }),
    ...content.reference.map(
      (row, i) =>
        new Paragraph({
          keepNext: true,
          tabStops: [{ type: TabStopType.LEFT, position: labelWidth }],
          indent: { left: labelWidth, hanging: labelWidth },
          spacing: i === content.reference.length - 1 ? { after: 5 * MM } : undefined,
          children: [
            ...runs(`${row.label}:`, { bold: true }),
            new TextRun({ text: '\t' }),
            ...runs(row.value),
          ],
        }),
    ),
    ...(content.salutation ? [paragraph(content.salutation)] : []),
    ...content.opening.map((text) => paragraph(text)),
    paragraph(content.clauseIntro, { keepNext: true }),
    // The clause, set off: indented, with a rule down its left side.
    ...content.clause.map((text, i) =>
      paragraph(text, {
        indent: { left: 10 * MM },
        border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'B8B8B8', space: 10 } },
        spacing: { after: i === content.clause.length - 1 ? GAP * 1.5 : GAP / 2 },
      }),
    ),
    ...content.closingParagraphs.map((text) => paragraph(text)),
    // The signature block, kept on one page.
    paragraph(content.closing, { keepNext: true }),
    new Paragraph({
      keepNext: true,
      spacing: { after: 16 * MM },
      children: runs(content.signature.company, { bold: true }),
    }),
    new Paragraph({
      keepNext: true,
      indent: { right: TEXT_WIDTH - 70 * MM },
      border: { top: { style: BorderStyle.SINGLE, size: 4, color: '1A1A1A', space: 4 } },
      children: runs(content.signature.name),
    }),
    new Paragraph({ children: runs(content.signature.title) }),
  ];

  const document = new Document({
    creator: plainText(content.sender.name),
    title: content.subject,
    description: content.reference.map((r) => plainText(r.value)).join(' · '),
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONT, size: SIZE.body, language: { value: content.lang } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        footers: { default: pageFooter(content.page) },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** Text runs of one paragraph; blanks are highlighted so they are filled in before the letter is sent. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return segments(text)
    .filter((s) => s.text.length > 0)
    .map(
      (s) => new TextRun({ text: s.text, ...style, ...(s.blank ? { highlight: 'yellow' } : {}) }),
    );
}

/** "Page {page} of {pages}" with Word's page fields in place of the placeholders. */
function pageFooter(template: string): Footer {
  const children = template
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part.length > 0)
    .map((part) =>
      part === '{page}'
        ? new TextRun({ children: [PageNumber.CURRENT], size: SIZE.small, color: MUTED })
        : part === '{pages}'
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES], size: SIZE.small, color: MUTED })
          : new TextRun({ text: part, size: SIZE.small, color: MUTED }),
    );
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children })] });
}
