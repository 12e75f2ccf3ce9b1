import { EN, FI, SV } from '../lexicon';
import { findMoney, parseAmount } from './money-parse';

describe('money', () => {
  it.each([
    ['48 000,00', 48000],
    ['48.000,00', 48000],
    ['48,000.00', 48000],
    ['1,250,000', 1250000],
    ['12 500', 12500],
    ['3 480,50', 3480.5],
    ['145', 145],
  ])('parses %s as %d', (raw, value) => {
    expect(parseAmount(raw)).toBe(value);
  });

  it.each([
    ['48 000,00 €', FI, { amount: 48000, currency: 'EUR' }],
    ['1 250 euroa', FI, { amount: 1250, currency: 'EUR' }],
    ['12 500 kr', SV, { amount: 12500, currency: 'SEK' }],
    ['12 500 SEK', SV, { amount: 12500, currency: 'SEK' }],
    ['EUR 48,000', EN, { amount: 48000, currency: 'EUR' }],
    ['$1.2 million', EN, { amount: 1200000, currency: 'USD' }],
  ])('reads "%s"', (text, lexicon, value) => {
    expect(findMoney(text, 0, lexicon)[0]?.value).toEqual(value);
  });

  it('assumes no currency: a bare amount, or "kr" outside a Swedish contract, is not money', () => {
    expect(findMoney('a fee of 48,000 per year', 0, EN)).toEqual([]);
    expect(findMoney('hinta 12 500 kr', 0, FI)).toEqual([]);
  });
});
