import { ValidationError } from '../common/domain.error';
import type { VatPolicy } from '../subscription/plans';

/** EU member states by VAT-id prefix (Greece is EL; XI is Northern Ireland for goods, accepted as VIES does). */
export const EU_VAT_PREFIXES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU',
  'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'XI',
] as const; // prettier-ignore

export interface VatId {
  /** Normalised: upper case, no spaces, dots or hyphens (`FI12345678`). */
  value: string;
  /** The prefix: ISO country code, except EL for Greece. */
  country: string;
}

/**
 * Validates the format of an EU VAT id (not whether it is registered: the operator checks VIES before
 * invoicing). FI: FI + 8 digits (the Business ID without its hyphen, FI12345678). SE: SE + 12 digits ending in
 * 01 (the organisation number + 01, SE556677889901). Other EU member states: their prefix + 2 to 12 letters or
 * digits, the shape VIES accepts. Ids of countries outside the EU are refused: such customers leave it empty.
 */
export function parseVatId(raw: string): VatId {
  const value = raw.toUpperCase().replace(/[\s.-]/g, '');
  const country = value.slice(0, 2);
  const rest = value.slice(2);
  const fail = (message: string) =>
    new ValidationError(`not a valid VAT id: ${raw}`, [{ field: 'vatId', message }]);
  if (country === 'FI') {
    if (!/^\d{8}$/.test(rest)) throw fail('a Finnish VAT id is FI and 8 digits, e.g. FI12345678');
  } else if (country === 'SE') {
    if (!/^\d{10}01$/.test(rest))
      throw fail('a Swedish VAT id is SE and 12 digits ending in 01, e.g. SE556677889901');
  } else if ((EU_VAT_PREFIXES as readonly string[]).includes(country)) {
    if (!/^[A-Z0-9]{2,12}$/.test(rest))
      throw fail(`a VAT id is ${country} and 2 to 12 letters or digits`);
  } else {
    throw fail('must start with the two-letter code of an EU member state (FI, SE, DE, ...)');
  }
  return { value, country };
}

export interface InvoiceAmounts {
  netMinor: number;
  vatMinor: number;
  totalMinor: number;
  vatRatePercent: number;
  /** No VAT charged: the buyer accounts for it (an EU business outside the seller's country). */
  reverseCharge: boolean;
}

/**
 * Net, VAT and total of a catalogue price for a buyer. The seller country's VAT applies to its own businesses
 * and to buyers without a VAT id; a business with the VAT id of another EU member state pays none (reverse
 * charge), when the catalogue says so. VAT is rounded half up to the cent.
 */
export function invoiceAmounts(
  priceMinor: number,
  vat: VatPolicy,
  buyer: VatId | null,
): InvoiceAmounts {
  const reverseCharge =
    vat.reverseChargeInEu && buyer !== null && buyer.country !== vat.sellerCountry;
  const rate = vat.ratePercent;
  const net = vat.pricesIncludeVat ? Math.round((priceMinor * 100) / (100 + rate)) : priceMinor;
  const vatMinor = reverseCharge
    ? 0
    : vat.pricesIncludeVat
      ? priceMinor - net
      : Math.round((net * rate) / 100);
  return {
    netMinor: net,
    vatMinor,
    totalMinor: net + vatMinor,
    vatRatePercent: reverseCharge ? 0 : rate,
    reverseCharge,
  };
}
