import type { ContractSummary } from '../api/types';
import { formatDuration } from './format';
import { contractName, durationText, noticeSentenceOf, wordingLanguageOf } from './wording';

type Deadlines = ContractSummary['deadlines'];
const deadlines = (d: Partial<Deadlines>): Deadlines => ({
  noticeDeadline: null,
  nextRenewalDate: null,
  expirationDate: null,
  noticeRenewalDate: null,
  endingOn: null,
  ...d,
});
const terms = (t: Partial<ContractSummary['terms']>) => t as ContractSummary['terms'];

describe('noticeSentenceOf: a notice deadline in words, as the alert e-mails say it', () => {
  const yearly = {
    deadlines: deadlines({
      noticeDeadline: '2027-01-30',
      nextRenewalDate: '2027-03-01',
      noticeRenewalDate: '2027-03-01',
    }),
    terms: terms({ renewalTerm: 'P1Y', initialTerm: 'P3Y' }),
  };

  it('names the renewal it stops and how long the contract renews for, in each UI language', () => {
    expect(noticeSentenceOf(yearly, 'en')).toBe(
      'Give notice by 30 Jan 2027 to stop the renewal on 1 Mar 2027 (renews for 1 year)',
    );
    expect(noticeSentenceOf(yearly, 'fi')).toBe(
      'Irtisano viimeistään 30.1.2027, jotta sopimus ei uusiudu 1.3.2027 (jatkokausi 1 vuosi)',
    );
    expect(noticeSentenceOf(yearly, 'sv')).toBe(
      'Säg upp senast 30 jan 2027 för att stoppa förnyelsen den 1 mar 2027 (förnyas med 1 år)',
    );
  });

  it('a monthly contract past this month’s deadline names the later renewal, not the next one', () => {
    const monthly = {
      deadlines: deadlines({
        noticeDeadline: '2027-02-28',
        nextRenewalDate: '2027-03-01',
        noticeRenewalDate: '2027-04-01',
      }),
      terms: terms({ renewalTerm: 'P1M' }),
    };
    expect(noticeSentenceOf(monthly, 'en')).toBe(
      'Give notice by 28 Feb 2027 to stop the renewal on 1 Apr 2027 (renews for 1 month)',
    );
  });

  it('without a renewal term, the initial term again (docs/deadlines.md rule 3); the terms in force win', () => {
    const noRenewalTerm = { ...yearly, terms: terms({ renewalTerm: null, initialTerm: 'P120D' }) };
    expect(noticeSentenceOf(noRenewalTerm, 'en')).toMatch(/\(renews for 120 days\)$/);
    expect(
      noticeSentenceOf({ ...yearly, termsInForce: terms({ renewalTerm: 'P2Y' }) }, 'en'),
    ).toMatch(/\(renews for 2 years\)$/);
  });

  it('says nothing without a notice deadline or once the contract is ending', () => {
    expect(noticeSentenceOf({ ...yearly, deadlines: deadlines({}) }, 'en')).toBeNull();
    expect(
      noticeSentenceOf(
        {
          ...yearly,
          deadlines: deadlines({ expirationDate: '2027-02-28', endingOn: '2027-02-28' }),
        },
        'en',
      ),
    ).toBeNull();
  });
});

describe('contractName: "Counterparty – Title" in normal case', () => {
  const file = { name: 'msa-2024.pdf' } as ContractSummary['file'];

  it('puts the counterparty first and the all-caps title in normal case', () => {
    expect(
      contractName(
        { title: 'MASTER SERVICES AGREEMENT', counterparty: 'Beta AB', terms: terms({}), file },
        'en',
      ),
    ).toBe('Beta AB – Master Services Agreement');
  });

  it('falls back to the extracted title, then the file name, then "Untitled"', () => {
    expect(
      contractName(
        { title: null, counterparty: null, terms: terms({ title: 'IT-PALVELUSOPIMUS' }), file },
        'fi',
      ),
    ).toBe('IT-palvelusopimus');
    expect(contractName({ title: null, counterparty: null, terms: terms({}), file }, 'en')).toBe(
      'msa-2024.pdf',
    );
    expect(
      contractName(
        { title: null, counterparty: null, terms: terms({}), file: undefined as never },
        'en',
      ),
    ).toBe('Untitled contract');
  });
});

describe('durations in words, never P120D', () => {
  it('durationText and the term formatter', () => {
    expect(durationText('P120D', 'en')).toBe('120 days');
    expect(durationText('P1Y6M', 'sv')).toBe('1 år och 6 månader');
    expect(durationText(null, 'en')).toBe('');
    // The UI language of the test run is English.
    expect(formatDuration('P120D')).toBe('120 days');
    expect(formatDuration('P1Y6M')).toBe('1 year 6 months');
    expect(formatDuration('P3M')).toBe('3 months');
  });

  it('a UI language without wording is written in English', () => {
    expect(wordingLanguageOf('fi')).toBe('fi');
    expect(wordingLanguageOf('de')).toBe('en');
  });
});
