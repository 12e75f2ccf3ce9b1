import { contractHeading, durationWords, noticeSentence, wordingDate } from './deadline-wording';

const yearly = {
  noticeDeadline: '2027-01-30',
  noticeRenewalDate: '2027-03-01',
  renewalTerm: 'P1Y',
};

describe('noticeSentence', () => {
  it('says what happens in English, with the renewal the deadline stops', () => {
    expect(noticeSentence(yearly)).toBe(
      'Give notice by 30 Jan 2027 to stop the renewal on 1 Mar 2027 (renews for 1 year)',
    );
  });

  it('in Finnish and Swedish', () => {
    expect(noticeSentence(yearly, 'fi')).toBe(
      'Irtisano viimeistään 30.1.2027, jotta sopimus ei uusiudu 1.3.2027 (jatkokausi 1 vuosi)',
    );
    expect(noticeSentence(yearly, 'sv')).toBe(
      'Säg upp senast 30 jan 2027 för att stoppa förnyelsen den 1 mar 2027 (förnyas med 1 år)',
    );
  });

  it('a monthly contract past this month’s deadline names the later renewal it can still stop', () => {
    expect(
      noticeSentence({
        noticeDeadline: '2024-03-31',
        noticeRenewalDate: '2024-05-01',
        renewalTerm: 'P1M',
      }),
    ).toBe('Give notice by 31 Mar 2024 to stop the renewal on 1 May 2024 (renews for 1 month)');
  });

  it('without a renewal date or term says less, never "null"; without a deadline says nothing', () => {
    expect(
      noticeSentence({ noticeDeadline: '2027-01-30', noticeRenewalDate: null, renewalTerm: null }),
    ).toBe('Give notice by 30 Jan 2027 to stop the next renewal');
    expect(noticeSentence({ ...yearly, noticeDeadline: null })).toBeNull();
  });
});

describe('durationWords', () => {
  it('never shows an ISO duration', () => {
    expect(durationWords('P120D')).toBe('120 days');
    expect(durationWords('P1Y')).toBe('1 year');
    expect(durationWords('P1Y6M')).toBe('1 year 6 months');
    expect(durationWords('P3M', 'fi')).toBe('3 kuukautta');
    expect(durationWords('P2W', 'sv')).toBe('2 veckor');
    expect(durationWords('garbage')).toBeNull();
    expect(durationWords(null)).toBeNull();
  });
});

describe('contractHeading', () => {
  it('"Counterparty – Title" with an all-caps title in normal case, acronyms kept', () => {
    expect(contractHeading('Acme Oy', 'MASTER SERVICES AGREEMENT')).toBe(
      'Acme Oy – Master Services Agreement',
    );
    expect(contractHeading('Tieto Oyj', 'IT-PALVELUSOPIMUS', 'fi')).toBe(
      'Tieto Oyj – IT-palvelusopimus',
    );
  });

  it('keeps a title already in mixed case, and uses whichever is known', () => {
    expect(contractHeading('Acme', 'SaaS Subscription Agreement')).toBe(
      'Acme – SaaS Subscription Agreement',
    );
    expect(contractHeading(null, 'LEASE')).toBe('Lease');
    expect(contractHeading('Acme Oy', null)).toBe('Acme Oy');
    expect(contractHeading('Acme Oy', 'Acme Oy Support Agreement')).toBe(
      'Acme Oy Support Agreement',
    );
  });
});

describe('wordingDate', () => {
  it('formats per language and leaves a non-date alone', () => {
    expect(wordingDate('2027-03-01')).toBe('1 Mar 2027');
    expect(wordingDate('2027-03-01', 'fi')).toBe('1.3.2027');
    expect(wordingDate('2027-05-01', 'sv')).toBe('1 maj 2027');
    expect(wordingDate('soon')).toBe('soon');
  });
});
