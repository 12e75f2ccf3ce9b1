import { partyDetails, partyDetailsAfter } from './party-details';

const PREAMBLE = `MASTER SERVICES AGREEMENT

This Agreement is dated 1 March 2024 and is made between:

Northwind Analytics Ltd, a company registered in England, whose registered office is at 12 Harbour Street, Bristol BS1 4QA, United Kingdom (the "Supplier"); and

Lakeside Retail Oy, Business ID 1234567-8, Aleksanterinkatu 15, 00100 Helsinki, Finland (the "Customer").

1. Services. Northwind Analytics Ltd shall provide the services.`;

describe('partyDetails', () => {
  it('reads an address introduced by "whose registered office is at", up to the defined-term label', () => {
    expect(partyDetails(PREAMBLE, 'Northwind Analytics Ltd')).toEqual({
      address: '12 Harbour Street\nBristol BS1 4QA\nUnited Kingdom',
      businessId: null,
    });
  });

  it('skips the business id between the name and the street, and keeps it', () => {
    expect(partyDetails(PREAMBLE, 'Lakeside Retail Oy')).toEqual({
      address: 'Aleksanterinkatu 15\n00100 Helsinki\nFinland',
      businessId: '1234567-8',
    });
  });

  it('reads an address on the lines under the name (a Swedish letterhead-style preamble)', () => {
    const text = `Parter\n\nNordic Facilities AB\norg.nr 556677-8899\nSveavägen 44\n111 34 Stockholm\n("Leverantören")\n\nÅbo Ångström Oy`;
    expect(partyDetails(text, 'Nordic Facilities AB')).toEqual({
      address: 'Sveavägen 44\n111 34 Stockholm',
      businessId: '556677-8899',
    });
  });

  it('reads a US address with a state and ZIP code', () => {
    const text =
      'between Acme Corp., a Delaware corporation with offices at 100 Main Street, Springfield, IL 62701 ("Acme"), and';
    expect(partyDetails(text, 'Acme Corp.').address).toBe('100 Main Street\nSpringfield\nIL 62701');
  });

  it('gives no address when the text states none, rather than guessing from nearby clauses', () => {
    const text =
      'This Agreement is between Acme Corp. ("Acme") and Beta LLC ("Beta"). Section 12 of Schedule 3 applies from 2024.';
    expect(partyDetails(text, 'Acme Corp.')).toEqual({ address: null, businessId: null });
    expect(partyDetails(text, 'Beta LLC')).toEqual({ address: null, businessId: null });
  });

  it('does not take a number in the next sentence for a street', () => {
    const text = 'Beta LLC shall pay 12 invoices. The term is 24 months from 01.05.2023.';
    expect(partyDetails(text, 'Beta LLC').address).toBeNull();
  });

  it('tries the given positions first, then each occurrence of the name', () => {
    const at = PREAMBLE.indexOf('Lakeside Retail Oy') + 'Lakeside Retail Oy'.length;
    expect(partyDetails(PREAMBLE, 'lakeside retail oy', [at]).address).toMatch(
      /^Aleksanterinkatu 15/,
    );
  });

  it('is total: missing text, name or a bad position gives nothing', () => {
    expect(partyDetails(null, 'X')).toEqual({ address: null, businessId: null });
    expect(partyDetails('text', '  ')).toEqual({ address: null, businessId: null });
    expect(partyDetailsAfter('text', -1)).toEqual({ address: null, businessId: null });
    expect(partyDetailsAfter('text', 99)).toEqual({ address: null, businessId: null });
  });
});
