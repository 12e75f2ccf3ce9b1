import {
  findAmendmentReference,
  isLikelyMaster,
  parentLinkError,
  termsInForce,
  type AmendmentInput,
} from './amendments';
import { emptyTerms, type ContractTerms } from './contract-terms.types';
import { computeDeadlines } from './deadlines';

const master: ContractTerms = {
  ...emptyTerms(),
  title: 'Master Services Agreement',
  parties: [
    { name: 'Alpha Oy', role: 'customer' },
    { name: 'Beta AB', role: 'supplier' },
  ],
  effectiveDate: '2024-01-01',
  initialTerm: 'P3Y',
  autoRenewal: true,
  renewalTerm: 'P1Y',
  noticePeriod: 'P3M',
};

function amendment(
  id: string,
  terms: Partial<ContractTerms>,
  createdAt = '2026-01-01T00:00:00Z',
): AmendmentInput {
  return {
    id,
    title: `Amendment ${id}`,
    terms: { ...emptyTerms(), ...terms },
    evidence: {
      expirationDate: [
        { page: 1, start: 10, end: 60, text: 'The Term is extended until 31 December 2029.' },
      ],
    },
    createdAt,
  };
}

describe('terms in force: the master overridden by its amendments', () => {
  const today = '2026-06-15';

  it('without amendments the terms in force are the master own', () => {
    const r = termsInForce(master, [], today);
    expect(r.terms).toEqual(master);
    expect(r.amendments).toEqual([]);
  });

  it('an amendment that extends the term moves the expiration, the renewal and the notice deadline', () => {
    const before = computeDeadlines(master, today);
    expect(before).toMatchObject({ nextRenewalDate: '2027-01-01', noticeDeadline: '2026-09-30' });
    const r = termsInForce(
      master,
      [amendment('a1', { effectiveDate: '2026-03-01', expirationDate: '2029-12-31' })],
      today,
    );
    expect(r.terms.expirationDate).toBe('2029-12-31');
    const after = computeDeadlines(r.terms, today);
    expect(after).toMatchObject({ nextRenewalDate: '2030-01-01', noticeDeadline: '2029-09-30' });
    expect(r.amendments[0]).toMatchObject({
      id: 'a1',
      effectiveDate: '2026-03-01',
      inForce: true,
      changes: [
        {
          field: 'expirationDate',
          from: null,
          to: '2029-12-31',
          evidence: [expect.objectContaining({ text: expect.stringMatching(/extended/) })],
        },
      ],
    });
  });

  it('a non-renewing master expires later when an amendment says so', () => {
    const fixed: ContractTerms = {
      ...master,
      autoRenewal: false,
      initialTerm: null,
      expirationDate: '2026-12-31',
    };
    const r = termsInForce(
      fixed,
      [amendment('a1', { effectiveDate: '2026-02-01', expirationDate: '2027-12-31' })],
      today,
    );
    expect(computeDeadlines(r.terms, today).expirationDate).toBe('2027-12-31');
  });

  it('a new term length replaces the stated end date, counted from the master start', () => {
    const fixed: ContractTerms = { ...master, initialTerm: null, expirationDate: '2026-12-31' };
    const r = termsInForce(
      fixed,
      [amendment('a1', { effectiveDate: '2026-02-01', initialTerm: 'P5Y' })],
      today,
    );
    expect(r.terms).toMatchObject({ initialTerm: 'P5Y', expirationDate: null });
    expect(computeDeadlines(r.terms, today).nextRenewalDate).toBe('2029-01-01');
  });

  it('later amendments win over earlier ones, whatever order they came in', () => {
    const r = termsInForce(
      master,
      [
        amendment(
          'second',
          { effectiveDate: '2026-05-01', noticePeriod: 'P6M' },
          '2026-01-01T00:00:00Z',
        ),
        amendment(
          'first',
          { effectiveDate: '2025-05-01', noticePeriod: 'P1M' },
          '2026-02-01T00:00:00Z',
        ),
      ],
      today,
    );
    expect(r.terms.noticePeriod).toBe('P6M');
    expect(r.amendments.map((a) => a.id)).toEqual(['first', 'second']);
    expect(r.amendments[1]!.changes[0]).toMatchObject({
      field: 'noticePeriod',
      from: 'P1M',
      to: 'P6M',
    });
  });

  it('restating a value changes nothing, and null means the amendment does not say', () => {
    const r = termsInForce(
      master,
      [amendment('a1', { noticePeriod: 'P3M', renewalTerm: null })],
      today,
    );
    expect(r.amendments[0]!.changes).toEqual([]);
    expect(r.terms).toEqual(master);
  });

  it('never changes the master title, parties or start', () => {
    const r = termsInForce(
      master,
      [
        amendment('a1', {
          title: 'Amendment No. 1',
          parties: [{ name: 'X', role: null }],
          effectiveDate: '2026-01-01',
        }),
      ],
      today,
    );
    expect(r.terms).toEqual(master);
  });

  it('a future amendment within the current term already governs its notice deadline', () => {
    const r = termsInForce(
      master,
      [amendment('a1', { effectiveDate: '2026-08-01', noticePeriod: 'P1M' })],
      today,
    );
    expect(r.amendments[0]!.inForce).toBe(true);
    expect(computeDeadlines(r.terms, today).noticeDeadline).toBe('2026-11-30');
  });

  it('an amendment that takes effect only after the current term changes nothing yet', () => {
    const r = termsInForce(
      master,
      [amendment('a1', { effectiveDate: '2027-03-01', noticePeriod: 'P1M' })],
      today,
    );
    expect(r.amendments[0]).toMatchObject({
      inForce: false,
      changes: [expect.objectContaining({ field: 'noticePeriod' })],
    });
    expect(r.terms.noticePeriod).toBe('P3M');
  });

  it('an undated amendment applies after the dated ones', () => {
    const r = termsInForce(
      master,
      [
        amendment('undated', { noticePeriod: 'P2M' }),
        amendment('dated', { effectiveDate: '2025-01-01', noticePeriod: 'P6M' }),
      ],
      today,
    );
    expect(r.amendments.map((a) => [a.id, a.effectiveDate])).toEqual([
      ['dated', '2025-01-01'],
      ['undated', null],
    ]);
    expect(r.terms.noticePeriod).toBe('P2M');
  });
});

describe('parent links', () => {
  it('refuses itself and cycles, allows the rest', () => {
    expect(parentLinkError('a', 'a', [])).toMatch(/itself/);
    expect(parentLinkError('a', 'b', ['b', 'c', 'a'])).toMatch(/cycle/);
    expect(parentLinkError('a', 'b', ['b', 'c'])).toBeNull();
  });
});

describe('documents that call themselves an amendment', () => {
  it('finds the agreement an English amendment names, with its sentence', () => {
    const text =
      'AMENDMENT NO. 2 TO THE MASTER SERVICES AGREEMENT\n\nThis Amendment No. 2 to the Master Services Agreement dated 1 January 2024 is made between Alpha Oy and Beta AB.';
    const ref = findAmendmentReference(text);
    expect(ref?.agreementTitle).toMatch(/^MASTER SERVICES AGREEMENT$/i);
    expect(ref?.sentence).toMatch(/AMENDMENT NO\. 2 TO THE MASTER SERVICES AGREEMENT/);
    expect(text.slice(ref!.start, ref!.end)).toContain('MASTER SERVICES AGREEMENT');
  });

  it('reads Finnish and Swedish headings', () => {
    expect(
      findAmendmentReference('MUUTOS NRO 1 PALVELUSOPIMUKSEEN\nOsapuolet: Alpha Oy ja Beta AB')
        ?.agreementTitle,
    ).toMatch(/palvelusopimukseen/i);
    expect(
      findAmendmentReference('TILLÄGG NR 1 TILL HYRESAVTALET\nParter: Alpha Oy och Beta AB')
        ?.agreementTitle,
    ).toMatch(/hyresavtalet/i);
  });

  it('does not take a master that mentions amendments for one', () => {
    expect(
      findAmendmentReference(
        'MASTER SERVICES AGREEMENT\n\nAny amendment to this Agreement must be in writing.',
      ),
    ).toBeNull();
    expect(findAmendmentReference(null)).toBeNull();
  });

  const reference = { agreementTitle: 'Master Services Agreement', sentence: '', start: 0, end: 0 };
  const parties = [{ name: 'Alpha Oy' }, { name: 'BETA AB' }];

  it('matches a master with the same parties and title', () => {
    expect(
      isLikelyMaster(
        { parties, reference },
        { title: 'Master Services Agreement', parties: [{ name: 'Alpha' }, { name: 'Beta AB' }] },
      ),
    ).toBe(true);
  });

  it('does not match other parties or another agreement', () => {
    expect(
      isLikelyMaster(
        { parties, reference },
        { title: 'Master Services Agreement', parties: [{ name: 'Gamma Oy' }] },
      ),
    ).toBe(false);
    expect(
      isLikelyMaster(
        { parties, reference },
        { title: 'Distribution Agreement', parties: [{ name: 'Alpha Oy' }, { name: 'Beta AB' }] },
      ),
    ).toBe(false);
    expect(
      isLikelyMaster(
        { parties, reference },
        {
          title: 'Master Services Agreement',
          parties: [{ name: 'Alpha Oy' }, { name: 'Delta AB' }],
        },
      ),
    ).toBe(false);
  });
});
