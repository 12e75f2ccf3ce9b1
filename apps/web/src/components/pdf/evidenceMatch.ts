// Locates an evidence quote in a page's text-layer items. pdf.js splits text into items at arbitrary points and
// its whitespace rarely matches the extractor's, so both sides are compared with whitespace removed and with
// quotes, dashes and ligatures normalised; each matched character maps back to (item, offset in item).

export interface TextItemLike {
  str: string;
}
export type ItemRanges = Map<number, Array<[number, number]>>;

function normaliseChar(ch: string): string {
  return ch
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

interface Haystack {
  text: string;
  map: Array<[number, number]>;
}

function buildHaystack(items: TextItemLike[]): Haystack {
  let text = '';
  const map: Array<[number, number]> = [];
  items.forEach((item, i) => {
    const s = item.str ?? '';
    for (let j = 0; j < s.length; j++) {
      if (/\s/.test(s[j])) continue;
      const n = normaliseChar(s[j]).replace(/\s/g, '');
      for (const c of n) {
        text += c;
        map.push([i, j]);
      }
    }
  });
  return { text, map };
}

export function normaliseNeedle(text: string): string {
  let out = '';
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    out += normaliseChar(ch).replace(/\s/g, '');
  }
  return out;
}

function toRanges(h: Haystack, start: number, end: number): ItemRanges {
  const ranges: ItemRanges = new Map();
  for (let k = start; k < end; k++) {
    const [item, off] = h.map[k];
    const list = ranges.get(item) ?? [];
    const last = list[list.length - 1];
    // Within one contiguous match, anything between two matched characters of an item is whitespace: merge.
    if (last) last[1] = Math.max(last[1], off + 1);
    else list.push([off, off + 1]);
    ranges.set(item, list);
  }
  return ranges;
}

/**
 * Returns the character ranges to mark per text item, or null when the quote is not on the page.
 * Falls back to the longest prefix (or suffix) that does occur, for quotes that run onto the next page, when it
 * covers at least half of the quote: a shorter overlap is more likely a similar clause than the quoted one.
 */
export function findEvidence(
  items: TextItemLike[],
  quote: string,
): { ranges: ItemRanges; exact: boolean } | null {
  const needle = normaliseNeedle(quote);
  if (!needle) return null;
  const h = buildHaystack(items);
  const at = h.text.indexOf(needle);
  if (at >= 0) return { ranges: toRanges(h, at, at + needle.length), exact: true };
  const minPartial = Math.max(16, Math.ceil(needle.length / 2));
  // Longest prefix that matches, by binary search on its length.
  let lo = minPartial;
  let hi = needle.length - 1;
  let best = -1;
  let bestAt = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const pos = h.text.indexOf(needle.slice(0, mid));
    if (pos >= 0) {
      best = mid;
      bestAt = pos;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best > 0) return { ranges: toRanges(h, bestAt, bestAt + best), exact: false };
  // Or the longest suffix (a quote that starts on the previous page).
  lo = minPartial;
  hi = needle.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const pos = h.text.indexOf(needle.slice(needle.length - mid));
    if (pos >= 0) {
      best = mid;
      bestAt = pos;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best > 0) return { ranges: toRanges(h, bestAt, bestAt + best), exact: false };
  return null;
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** HTML for one text-layer item with the matched parts wrapped in <mark>. */
export function markItem(str: string, ranges: Array<[number, number]> | undefined): string {
  if (!ranges?.length) return escapeHtml(str);
  let out = '';
  let pos = 0;
  for (const [s, e] of ranges) {
    out += escapeHtml(str.slice(pos, s));
    out += `<mark class="evidence-mark">${escapeHtml(str.slice(s, e))}</mark>`;
    pos = e;
  }
  return out + escapeHtml(str.slice(pos));
}

/** Where `quote` is in a whole text (a plain-text contract), compared as in a PDF's text layer; null when absent. */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  const ranges = findEvidence([{ str: text }], quote)?.ranges.get(0);
  if (!ranges || ranges.length === 0) return null;
  return { start: ranges[0][0], end: ranges[ranges.length - 1][1] };
}
