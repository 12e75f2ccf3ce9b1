import { layoutPages, pageAt } from './page-layout.util';

describe('layoutPages', () => {
  const footer = (n: number) => `Source: ACME CORP, 10-K, 3/${n}/2020`;
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
  const body = (n: number) =>
    `Clause ${words[n]} has an inter-\nnational scope in ${words[n]}.\nThe ${words[n]} goods are sold.\nPrices for ${words[n]} apply.\nOrders of ${words[n]} ship.\nEnd of ${words[n]}.`;
  const pages = [0, 1, 2, 3].map((n) => `CONFIDENTIAL\n${body(n)}\n${n + 1}\n${footer(n + 1)}`);

  it('drops running headers/footers and page numbers, and joins hyphenated words', () => {
    const { text } = layoutPages(pages);
    expect(text).not.toContain('Source: ACME');
    expect(text).not.toContain('CONFIDENTIAL');
    expect(text).not.toMatch(/^\d+$/m);
    expect(text).toContain('Clause alpha has an international scope in alpha.');
  });

  it('keeps page starts so that offsets map back to pages', () => {
    const { text, pageStarts } = layoutPages(pages);
    expect(pageStarts).toHaveLength(4);
    expect(text.slice(pageStarts[2]).startsWith('Clause charlie')).toBe(true);
    expect(pageAt(pageStarts, text.indexOf('bravo goods'))).toBe(2);
    expect(pageAt(pageStarts, text.length - 1)).toBe(4);
  });

  it('removes dot-leader table-of-contents lines', () => {
    const { text } = layoutPages([
      'TABLE OF CONTENTS\n1. Definitions ........................ 3\n2. Term . . . . . . . . . 9\nAGREEMENT\nThis Agreement is made.',
    ]);
    expect(text).not.toContain('Definitions');
    expect(text).toContain('This Agreement is made.');
  });

  it('keeps a short document intact (no repetition to learn from)', () => {
    const { text } = layoutPages(['LICENSE AGREEMENT\nThis Agreement is made.']);
    expect(text).toContain('LICENSE AGREEMENT');
  });
});
