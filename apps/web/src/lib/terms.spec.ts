import { formatTerm, fromDraft, toDraft } from './terms';

describe('term drafts: validation before a correction is sent', () => {
  it('turns durations into ISO values and refuses zero or fractions', () => {
    const d = toDraft('noticePeriod', 'P90D');
    expect(d).toMatchObject({ count: '90', unit: 'D' });
    expect(fromDraft('noticePeriod', { ...d, count: '3', unit: 'M' })).toEqual({ value: 'P3M' });
    expect(fromDraft('noticePeriod', { ...d, count: '0' })).toHaveProperty('errors.count');
    expect(fromDraft('noticePeriod', { ...d, count: '1.5' })).toHaveProperty('errors.count');
    expect(fromDraft('noticePeriod', { ...d, count: '' })).toEqual({ value: null });
  });

  it('accepts only real calendar dates', () => {
    const d = toDraft('expirationDate', null);
    expect(fromDraft('expirationDate', { ...d, text: '2027-02-28' })).toEqual({
      value: '2027-02-28',
    });
    expect(fromDraft('expirationDate', { ...d, text: '2027-02-30' })).toHaveProperty('errors.text');
  });

  it('validates money: amount with a decimal comma, and a three-letter currency', () => {
    const d = toDraft('contractValue', null, 'EUR');
    expect(fromDraft('contractValue', { ...d, amount: '48 000,50', currency: 'eur' })).toEqual({
      value: { amount: 48000.5, currency: 'EUR' },
    });
    expect(fromDraft('contractValue', { ...d, amount: '-1' })).toHaveProperty('errors.amount');
    expect(fromDraft('contractValue', { ...d, amount: '10', currency: 'EURO' })).toHaveProperty(
      'errors.currency',
    );
  });

  it('keeps booleans tri-state and parties named', () => {
    const b = toDraft('autoRenewal', false);
    expect(b.bool).toBe('false');
    expect(fromDraft('autoRenewal', { ...b, bool: '' })).toEqual({ value: null });
    const p = toDraft('parties', [{ name: 'Acme Oy', role: 'Supplier' }]);
    expect(
      fromDraft('parties', { ...p, parties: [...p.parties, { name: '', role: 'Customer' }] }),
    ).toHaveProperty('errors.parties');
    expect(fromDraft('parties', p)).toEqual({ value: [{ name: 'Acme Oy', role: 'Supplier' }] });
  });

  it('shows a missing value as not stated', () => {
    expect(formatTerm('governingLaw', null)).toBe('Not stated');
    expect(formatTerm('autoRenewal', true)).toBe('Yes');
  });
});
