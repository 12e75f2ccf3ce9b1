import { renderBillingEmail } from './billing-messages';

describe('billing e-mails to the owners', () => {
  const base = {
    ownerName: 'Olli',
    company: 'Alpha Oy',
    link: 'https://app.example/settings/subscription',
  };

  it('says what will be invoiced when an order is placed, with VAT, in English', () => {
    const mail = renderBillingEmail({
      ...base,
      notice: {
        kind: 'orderPlaced',
        plan: 'Starter',
        interval: 'month',
        total: { amount: 61.5, currency: 'EUR' },
        net: { amount: 49, currency: 'EUR' },
        vatRatePercent: 25.5,
        reverseCharge: false,
        billingEmail: 'invoices@alpha.fi',
      },
    });
    expect(mail.subject).toBe('We received your order for Contract Bank Starter');
    expect(mail.text).toContain(
      'We will invoice Alpha Oy €61.50 (€49.00 + VAT 25.5 %) per month; invoices go to invoices@alpha.fi.',
    );
    expect(mail.text).toContain('nothing is charged');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('writes Finnish and Swedish, with local money and dates', () => {
    const fi = renderBillingEmail({
      ...base,
      language: 'fi',
      notice: {
        kind: 'activated',
        plan: 'Starter',
        periodEnd: '2030-02-01T00:00:00.000Z',
        invoiceNumber: 'CB-2030-000001',
        invoiceTotal: { amount: 61.5, currency: 'EUR' },
        dueDate: '2030-01-15T00:00:00.000Z',
      },
    });
    expect(fi.subject).toBe('Contract Bank Starter -tilauksesi on voimassa');
    expect(fi.text).toMatch(/Lasku CB-2030-000001 \(61,50\s€\) erääntyy 15\.1\.2030\./);
    const sv = renderBillingEmail({
      ...base,
      language: 'sv',
      notice: { kind: 'canceled', plan: 'Business', periodEnd: '2030-02-01T00:00:00.000Z' },
    });
    expect(sv.subject).toBe('Ert Contract Bank-abonnemang är uppsagt');
    expect(sv.text).toContain('Abonnemanget Business för Alpha Oy är uppsagt och upphör');
  });

  it('escapes the company name in the HTML part', () => {
    const mail = renderBillingEmail({
      ...base,
      company: '<script>x</script> Oy',
      notice: { kind: 'reactivated', plan: 'Starter', periodEnd: null },
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });
});
