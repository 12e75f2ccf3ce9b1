import { readTerms, topCandidate } from '../../test/extractor-harness';
import { contractValueExtractor } from './contract-value.extractor';

// contractValue and its currency from the fees clause, in the three languages (TERMS.md: "total or annual
// value when stated"), each excerpt written for these tests in the forms the Nordic labels use.
function value(text: string, language: 'en' | 'fi' | 'sv') {
  return readTerms(text, language).terms.contractValue;
}

describe('contract value', () => {
  it('reads an annual fee written "EUR 36,000" in a Finnish contract', () => {
    expect(value('6.1 Vuotuinen lisenssimaksu on EUR 36,000 (alv 0 %).', 'fi')).toEqual({
      amount: 36000,
      currency: 'EUR',
    });
  });

  it('reads "48 000,00 €" and keeps its period in the rule, not multiplied out', () => {
    const c = topCandidate(contractValueExtractor, 'Vuosimaksu on 48 000,00 € (alv 0 %).', 'fi');
    expect(c?.value).toEqual({ amount: 48000, currency: 'EUR' });
    expect(c?.rule).toBe('fee_annual');
  });

  it('reads "12 500 kr" as SEK in a Swedish contract, and a monthly salary ("månadslön")', () => {
    expect(value('Avgiften är 12 500 kr per månad exkl. moms.', 'sv')).toEqual({
      amount: 12500,
      currency: 'SEK',
    });
    expect(value('4.1 VD:s fasta månadslön är 118 000 kronor.', 'sv')).toEqual({
      amount: 118000,
      currency: 'SEK',
    });
  });

  it('prefers the total of a sentence after "inkl." ("1 250 kr per månad och plats inkl. moms, sammanlagt 2 500 kr")', () => {
    expect(
      value('Hyra: 1 250 kr per månad och plats inkl. moms, sammanlagt 2 500 kr per månad.', 'sv'),
    ).toEqual({ amount: 2500, currency: 'SEK' });
  });

  it('reads Finnish salaries, grants and budgets ("kokonaispalkka", "avustus", "kokonaisbudjetti")', () => {
    expect(value('Toimitusjohtajan kokonaispalkka on 11 800 euroa kuukaudessa.', 'fi')).toEqual({
      amount: 11800,
      currency: 'EUR',
    });
    expect(
      value('Kaupunki maksaa Seuralle toiminta-avustusta 42 000 euroa vuodessa.', 'fi'),
    ).toEqual({
      amount: 42000,
      currency: 'EUR',
    });
    expect(value('Hankkeen kokonaisbudjetti on 150 000 euroa.', 'fi')).toEqual({
      amount: 150000,
      currency: 'EUR',
    });
  });

  it('reads a Swedish grant ("verksamhetsbidrag") and a total budget', () => {
    expect(value('Kommunen lämnar ett verksamhetsbidrag om 380 000 kronor per år.', 'sv')).toEqual({
      amount: 380000,
      currency: 'SEK',
    });
    expect(value('Projektets totala budget uppgår till 2 400 000 kronor.', 'sv')).toEqual({
      amount: 2400000,
      currency: 'SEK',
    });
  });

  it('reads English fees: "The total annual maintenance charge amounts to US $24502", "a fee of EUR 5,000"', () => {
    expect(
      value(
        '6. CHARGES The total annual maintenance charge amounts to US $24502 for the first year.',
        'en',
      ),
    ).toEqual({ amount: 24502, currency: 'USD' });
    expect(
      value('Customer shall pay a fee of EUR 5,000 per month for the Services.', 'en'),
    ).toEqual({
      amount: 5000,
      currency: 'EUR',
    });
  });

  it('reads no value from an amount without a currency or a fees clause', () => {
    expect(value('The monthly fee is 5,000, payable in advance.', 'en')).toBeNull();
    expect(value('The Supplier shall maintain insurance of USD 1,000,000.', 'en')).toBeNull();
  });
});
