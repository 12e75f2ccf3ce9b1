import { contractFileName, hasLineBreak } from './file-name';

describe('contract file names', () => {
  it('keeps Unicode names intact', () => {
    expect(contractFileName('ünïcödé 合同.pdf')).toBe('ünïcödé 合同.pdf');
    expect(contractFileName('Vuokrasopimus – Ålö.docx')).toBe('Vuokrasopimus – Ålö.docx');
  });

  it('keeps the last path segment only, without control characters', () => {
    expect(contractFileName('C:\\Users\\x\\lease.pdf')).toBe('lease.pdf');
    expect(contractFileName('../../etc/passwd')).toBe('passwd');
    expect(contractFileName('a\u0000b\u0007.txt')).toBe('ab.txt');
  });

  it('falls back to "contract" and cuts at 255 characters, never inside a character', () => {
    expect(contractFileName(null)).toBe('contract');
    expect(contractFileName('  /  ')).toBe('contract');
    const long = contractFileName(`${'合'.repeat(300)}.pdf`);
    expect([...long]).toHaveLength(255);
    expect(long.endsWith('合')).toBe(true);
  });

  it('knows a line break in a name', () => {
    for (const s of ['a\nb', 'a\rb', 'a\u2028b']) expect(hasLineBreak(s)).toBe(true);
    expect(hasLineBreak('one line – ünï')).toBe(false);
  });
});
