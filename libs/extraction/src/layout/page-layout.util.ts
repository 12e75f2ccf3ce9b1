/** The cleaned document: pages concatenated, and where each page starts. */
export interface PageLayout {
  text: string;
  pageStarts: number[];
}

/** How many lines at the top and bottom of a page can be running headers or footers. */
const EDGE_LINES = 3;
const PAGE_NUMBER =
  /^(?:page\s+)?[-–—(]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—)]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const SECTION_PAGE_NUMBER = /^[A-Z]{0,3}\s?[-–]\s?\d{1,3}$/;
// Table-of-contents entries: a heading, a dot leader and a page number.
const TOC_LINE = /(?:\.\s*){4,}\s*\d{0,4}\s*$|(?:_\s*){6,}\d{1,4}\s*$/;

/**
 * Cleans page texts without moving text across pages: running headers/footers (lines repeated at the same
 * edge of many pages, digits ignored), bare page numbers, dot-leader TOC lines and end-of-line hyphenation.
 * Every offset that later steps report points into the returned `text`.
 */
export function layoutPages(rawPages: string[]): PageLayout {
  const pages = rawPages.map(splitLines);
  const repeated = repeatedEdgeLines(pages);
  const cleaned = pages.map((lines) => cleanPage(lines, repeated));
  const pageStarts: number[] = [];
  let text = '';
  for (const page of cleaned) {
    pageStarts.push(text.length);
    text += page.length > 0 ? `${page}\n\n` : '\n';
  }
  return { text, pageStarts };
}

/** The 1-based page that holds `offset`. */
export function pageAt(pageStarts: number[], offset: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function splitLines(page: string): string[] {
  return page
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b\u00ad\ufeff]/g, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim());
}

function edgeKey(line: string): string {
  return line.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

function edgeIndexes(lines: string[]): number[] {
  const nonEmpty = lines.map((line, i) => (line ? i : -1)).filter((i) => i >= 0);
  // A short page (a signature page, a cover) keeps most of its lines out of the header/footer zone.
  const k = Math.min(EDGE_LINES, Math.max(1, Math.floor(nonEmpty.length / 3)));
  return [...new Set([...nonEmpty.slice(0, k), ...nonEmpty.slice(-k)])];
}

function repeatedEdgeLines(pages: string[][]): Set<string> {
  const repeated = new Set<string>();
  if (pages.length < 3) return repeated;
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set(edgeIndexes(lines).map((i) => edgeKey(lines[i])));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(3, Math.ceil(pages.length * 0.4));
  for (const [key, count] of counts) {
    // Short generic lines ("#") are page numbers, handled separately; a repeated heading needs some words.
    if (count >= threshold && key.replace(/[^a-z]/g, '').length >= 3) repeated.add(key);
  }
  return repeated;
}

function cleanPage(lines: string[], repeated: Set<string>): string {
  const drop = new Set<number>();
  for (const i of edgeIndexes(lines)) {
    const line = lines[i];
    if (repeated.has(edgeKey(line)) || PAGE_NUMBER.test(line) || SECTION_PAGE_NUMBER.test(line))
      drop.add(i);
  }
  const kept: string[] = [];
  lines.forEach((line, i) => {
    if (drop.has(i) || TOC_LINE.test(line)) return;
    kept.push(line);
  });
  return kept
    .join('\n')
    .replace(/([a-z])-\n([a-z])/g, '$1$2')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
