import { DomainError } from '../common/domain.error';
import type { VatPolicy } from '../subscription/plans';
import { invoiceAmounts, parseVatId } from './vat';

const field = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).errors?.[0];
  }
  throw new Error('expected a ValidationError');
};

describe('VAT ids: FI and SE strictly, other EU member states by the VIES shape', () => {
  it('accepts FI12345678 and SE556677889901, normalising case, spaces, dots and hyphens', () => {
    expect(parseVatId('FI12345678')).toEqual({ value: 'FI12345678', country: 'FI' });
    expect(parseVatId('fi 1234-5678')).toEqual({ value: 'FI12345678', country: 'FI' });
    expect(parseVatId('SE556677889901')).toEqual({ value: 'SE556677889901', country: 'SE' });
    expect(parseVatId('se 556677-8899 01').value).toBe('SE556677889901');
    expect(parseVatId('DE123456789')).toEqual({ value: 'DE123456789', country: 'DE' });
    expect(parseVatId('EL094259216').country).toBe('EL');
  });

  it('refuses the wrong length, a Swedish id not ending in 01, non-EU prefixes and junk, naming vatId', () => {
    for (const bad of [
      'FI1234567',
      'FI123456789',
      'FIABCDEFGH',
      'SE5566778899',
      'SE556677889902',
      'NO123456789MVA',
      'US12-3456789',
      'DE1',
      '12345678',
      '',
    ])
      expect([bad, field(() => parseVatId(bad))?.field]).toEqual([bad, 'vatId']);
    expect(field(() => parseVatId('SE5566778899'))?.message).toMatch(/SE556677889901/);
    expect(field(() => parseVatId('FI1234567'))?.message).toMatch(/FI12345678/);
  });
});

describe('invoice amounts', () => {
  const vat: VatPolicy = {
    sellerCountry: 'FI',
    ratePercent: 25.5,
    pricesIncludeVat: false,
    reverseChargeInEu: true,
  };

  it('adds Finnish VAT for Finnish businesses and buyers without a VAT id', () => {
    const expected = {
      netMinor: 4900,
      vatMinor: 1250,
      totalMinor: 6150,
      vatRatePercent: 25.5,
      reverseCharge: false,
    };
    expect(invoiceAmounts(4900, vat, parseVatId('FI12345678'))).toEqual(expected);
    expect(invoiceAmounts(4900, vat, null)).toEqual(expected);
    // 199.90 * 25.5 % = 50.9745 -> 50.97
    expect(invoiceAmounts(19_990, vat, null).vatMinor).toBe(5097);
  });

  it('charges no VAT to a business of another EU member state (reverse charge), unless the catalogue says otherwise', () => {
    expect(invoiceAmounts(4900, vat, parseVatId('SE556677889901'))).toEqual({
      netMinor: 4900,
      vatMinor: 0,
      totalMinor: 4900,
      vatRatePercent: 0,
      reverseCharge: true,
    });
    expect(
      invoiceAmounts(4900, { ...vat, reverseChargeInEu: false }, parseVatId('SE556677889901'))
        .vatMinor,
    ).toBe(1250);
  });

  it('splits VAT out of prices that include it', () => {
    const gross = { ...vat, pricesIncludeVat: true };
    expect(invoiceAmounts(6150, gross, null)).toMatchObject({
      netMinor: 4900,
      vatMinor: 1250,
      totalMinor: 6150,
    });
    expect(invoiceAmounts(6150, gross, parseVatId('DE123456789'))).toMatchObject({
      netMinor: 4900,
      vatMinor: 0,
      totalMinor: 4900,
    });
  });
});
