import { contractDocument } from '../document/contract-document';
import { findObligations } from './obligations.extractor';

const parties = [
  { name: 'Acme Corp.', role: 'Supplier' },
  { name: 'Beta LLC', role: 'Customer' },
];

function obligations(text: string) {
  return findObligations(contractDocument(text), parties, [
    { label: 'Acme', name: 'Acme Corp.' },
    { label: 'Beta', name: 'Beta LLC' },
  ]);
}

describe('findObligations', () => {
  it('reads a recurring payment duty by a party named by its role', () => {
    const [o] = obligations(
      '4. Fees. Customer shall pay the Service Fee quarterly in advance within thirty (30) days of receipt of invoice.',
    );
    expect(o).toMatchObject({
      party: 'Beta LLC',
      kind: 'payment',
      recurrence: 'P3M',
      dueDate: null,
    });
    expect(o.evidence[0].text).toContain('Customer shall pay the Service Fee');
  });

  it('reads a reporting duty by a defined label and a dated delivery duty', () => {
    const found = obligations(
      'Acme shall provide monthly sales reports to Beta. Acme shall deliver the first shipment of Products no later than March 1, 2020.',
    );
    expect(found.map((o) => [o.party, o.kind, o.recurrence, o.dueDate])).toEqual([
      ['Acme Corp.', 'reporting', 'P1M', null],
      ['Acme Corp.', 'delivery', null, '2020-03-01'],
    ]);
  });

  it('reads insurance, audit and confidentiality duties', () => {
    const kinds = obligations(
      'Supplier shall maintain commercial general liability insurance of at least $1,000,000. Customer shall permit Supplier to audit its records once each year. Each party shall hold the Confidential Information in strict confidence.',
    ).map((o) => o.kind);
    expect(kinds).toEqual(['insurance', 'audit', 'confidentiality']);
  });

  it('ignores duties of someone who is not a party and sentences without a duty', () => {
    expect(
      obligations('The auditor shall pay all costs. Acme may, at its option, deliver samples.'),
    ).toEqual([]);
  });
});
