import { findEvidence, findQuote, markItem } from './evidenceMatch';

// pdf.js text items as they come out of a real contract page: words split across items, stray spaces,
// typographic quotes and ligatures.
const items = [
  { str: '11.1 ' },
  { str: 'Governing Law and Jurisdiction' },
  { str: '. ' },
  { str: 'This Agreement shall be governed by and' },
  { str: '' },
  { str: 'interpreted under the laws of the State of Flor' },
  { str: 'ida, USA,.' },
  { str: 'The parties’ ﬁnal obligations survive.' },
];

describe('findEvidence', () => {
  it('marks a quote that runs across several text items, ignoring whitespace differences', () => {
    const r = findEvidence(
      items,
      'This Agreement shall be governed by and interpreted under the laws of the State of  Florida, USA,.',
    );
    expect(r?.exact).toBe(true);
    expect(r!.ranges.get(3)).toEqual([[0, items[3].str.length]]);
    expect(r!.ranges.get(5)).toEqual([[0, items[5].str.length]]);
    expect(r!.ranges.get(6)).toEqual([[0, items[6].str.length]]);
    expect(r!.ranges.has(2)).toBe(false);
  });

  it('marks only the matching part of an item', () => {
    const r = findEvidence(items, 'Law and Jurisdiction');
    expect(r!.ranges.get(1)).toEqual([[10, 30]]);
    expect(items[1].str.slice(10, 30)).toBe('Law and Jurisdiction');
  });

  it('treats typographic quotes and ligatures like their plain forms', () => {
    const r = findEvidence(items, "The parties' final obligations");
    expect(r?.exact).toBe(true);
    expect(r!.ranges.get(7)).toEqual([[0, 'The parties’ ﬁnal obligations'.length]]);
  });

  it('falls back to the longest prefix for a quote that continues on the next page', () => {
    const r = findEvidence(
      items,
      'interpreted under the laws of the State of Florida, USA,. 12. NOTICES. All notices shall be in writing',
    );
    expect(r?.exact).toBe(false);
    expect(r!.ranges.get(5)).toBeDefined();
    expect(r!.ranges.get(6)).toEqual([[0, items[6].str.length]]);
  });

  it('returns null when the quote is not on the page', () => {
    expect(
      findEvidence(
        items,
        'This Agreement shall be governed by the laws of Finland and Sweden jointly',
      ),
    ).toBeNull();
    expect(findEvidence(items, '   ')).toBeNull();
  });
});

describe('findQuote (the text view of a plain-text contract)', () => {
  it('finds a quote whatever its line breaks and quotes, as offsets into the text', () => {
    const text = 'HUOLTOSOPIMUS\n\nHuoltokäynnit tehdään kolmen (3)\nkuukauden välein.';
    const at = findQuote(text, 'kolmen (3) kuukauden');
    expect(at).not.toBeNull();
    expect(text.slice(at!.start, at!.end)).toBe('kolmen (3)\nkuukauden');
    expect(findQuote(text, 'ei tässä tekstissä')).toBeNull();
  });
});

describe('markItem', () => {
  it('wraps the ranges in <mark> and escapes the text', () => {
    expect(markItem('a <b> & c', [[2, 5]])).toBe(
      'a <mark class="evidence-mark">&lt;b&gt;</mark> &amp; c',
    );
    expect(markItem('<img src=x onerror=alert(1)>', undefined)).toBe(
      '&lt;img src=x onerror=alert(1)&gt;',
    );
  });
});
