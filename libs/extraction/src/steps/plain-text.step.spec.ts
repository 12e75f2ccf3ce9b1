import { decodeText } from './plain-text.step';

describe('decodeText', () => {
  it('decodes UTF-8 (dropping a BOM) and UTF-16 with a BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFAgreement ü', 'utf8'))).toBe('Agreement ü');
    expect(
      decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Term', 'utf16le')])),
    ).toBe('Term');
  });
});
