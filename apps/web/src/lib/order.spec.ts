import { orderFormErrors, quoteLines, type PlanQuote } from './order';

const money = (amount: number) => ({ amount, currency: 'EUR' as const });
const amounts = (net: number, vat: number, rate = 25.5, reverseCharge = false) => ({
  net: money(net),
  vat: money(vat),
  total: money(Math.round((net + vat) * 100) / 100),
  vatRatePercent: rate,
  reverseCharge,
});
const quote = (over: Partial<PlanQuote> = {}): PlanQuote => ({
  kind: 'subscribe',
  provider: 'manual',
  company: 'Alpha Oy',
  plan: 'starter',
  planName: 'Starter',
  interval: 'month',
  price: money(49),
  recurring: amounts(49, 12.5),
  proration: null,
  dueNow: amounts(49, 12.5),
  credit: money(0),
  periodEnd: '2030-02-01T00:00:00.000Z',
  vatId: null,
  ...over,
});

describe('the order step in words', () => {
  it('says what we will invoice, with VAT, per period', () => {
    const lines = quoteLines(quote());
    expect(lines[0]).toMatch(
      /^We will invoice Alpha Oy €61\.50 \(€49\.00 \+ VAT 25\.5 %\) per month\.$/,
    );
    expect(lines[1]).toMatch(/^The billing period ends on .*2030/);
    expect(quoteLines(quote({ interval: 'year', recurring: amounts(490, 124.95) }))[0]).toMatch(
      /€614\.95 \(€490\.00 \+ VAT 25\.5 %\) per year/,
    );
  });

  it('says when no VAT is charged (reverse charge)', () => {
    expect(quoteLines(quote({ recurring: amounts(49, 0, 0, true) }))[0]).toBe(
      'We will invoice Alpha Oy €49.00 per month, without VAT (reverse charge).',
    );
  });

  it('shows the proration of a change before confirming: credit, charge, and what is invoiced now', () => {
    const change = quote({
      kind: 'change',
      plan: 'business',
      planName: 'Business',
      recurring: amounts(199, 50.75),
      proration: { credit: money(24.5), charge: money(99.5), unusedFraction: 0.5 },
      dueNow: amounts(75, 19.13),
    });
    expect(quoteLines(change).slice(1, 4)).toEqual([
      'Credit for the unused part of your current plan: €24.50',
      'Business for the rest of the period: €99.50',
      'Invoiced now: €94.13',
    ]);
    const downgrade = quote({
      kind: 'change',
      proration: { credit: money(99.5), charge: money(24.5), unusedFraction: 0.5 },
      dueNow: amounts(0, 0),
      credit: money(75),
    });
    expect(quoteLines(downgrade)[3]).toBe('Credited on your next invoice: €75.00');
  });

  it('asks for a contact, an e-mail, a plausible VAT id and the confirmation', () => {
    expect(orderFormErrors({ name: '', email: 'nope', vatId: '12', confirmed: false })).toEqual({
      name: 'Required.',
      email: 'Enter a valid e-mail address.',
      vatId: expect.stringContaining('FI12345678'),
      confirmed: 'Tick the box to confirm.',
    });
    expect(
      orderFormErrors({ name: 'Laura', email: 'a@b.fi', vatId: 'SE556677889901', confirmed: true }),
    ).toEqual({});
    expect(orderFormErrors({ name: 'Laura', email: 'a@b.fi', vatId: '', confirmed: true })).toEqual(
      {},
    );
  });
});
