import { readTerms, topCandidate } from '../../test/extractor-harness';
import { expirationDateExtractor } from './expiration-date.extractor';

// The date and term extractors with the resolve stage, each field taking its extractor's first candidate.
function read(text: string) {
  const t = readTerms(text).terms;
  return {
    agreementDate: t.agreementDate,
    effectiveDate: t.effectiveDate,
    initialTerm: t.initialTerm,
    expirationDate: t.expirationDate,
    perpetual: t.perpetual,
    autoRenewal: t.autoRenewal,
    renewalTerm: t.renewalTerm,
    noticePeriod: t.noticePeriod,
  };
}

describe('agreement and effective dates', () => {
  it('reads "made and entered into ... day of" and a defined Effective Date', () => {
    const r = read(
      'THIS SUPPLY AGREEMENT (this "Agreement") is made this, 20t h day of January, 2020 (the "Effective Date"), by and between A and B.',
    );
    expect(r.agreementDate).toBe('2020-01-20');
    expect(r.effectiveDate).toBe('2020-01-20');
  });

  it('keeps a separate effective date (CUAD consulting agreement)', () => {
    const r = read(
      'Aduro ("Aduro") and IREYA B.V ("Consultant") agree to all terms and conditions of this Consulting Agreement ("Agreement") dated June 1, 2020, effective as of July 1, 2020 ("Effective Date").',
    );
    expect(r.agreementDate).toBe('2020-06-01');
    expect(r.effectiveDate).toBe('2020-07-01');
  });

  it('resolves "effective as of the date first written above" to the agreement date', () => {
    const r = read(
      'This Agreement is dated as of March 3, 2019 between A Corp. and B LLC.\n\n1. Term. This Agreement shall be effective as of the date first written above.',
    );
    expect(r.effectiveDate).toBe('2019-03-03');
  });

  it('does not take the date of an earlier agreement named in a recital', () => {
    const r = read(
      'WHEREAS, the parties entered into a License and Supply Agreement dated March 10, 2014; and WHEREAS, the parties wish to amend it.',
    );
    expect(r.agreementDate).toBeNull();
  });

  it('uses the latest signature date for "the date of the last signature below"', () => {
    const r = read(
      'This Agreement is effective as of the date of the last signature below.\n\nIN WITNESS WHEREOF the parties sign.\nBy: A\nDate: March 1, 2019\nBy: B\nDate: March 5, 2019\n',
    );
    expect(r.agreementDate).toBe('2019-03-05');
  });

  it('reads "Agreement made this 19t h day of March, 2020" under the title (CUAD distributor agreement)', () => {
    expect(
      read(
        'DISTRIBUTOR AGREEMENT\nAgreement made this 19t h day of March, 2020\nBetween:\nCo-Diagnostics, Inc.',
      ).agreementDate,
    ).toBe('2020-03-19');
  });

  it('falls back to the one date written where the parties sign', () => {
    const r = read(
      'JOINT VENTURE AGREEMENT\nBETWEEN A and B\n1. Purpose.\nIN WITNESS WHEREOF, Parties have subscribed to these articles.\nRome/Houston, 2 April 2020\nA Inc. B s.r.l.\n',
    );
    expect(r.agreementDate).toBe('2020-04-02');
  });

  it('resolves an Effective Date defined as the date of the last signature', () => {
    const r = read(
      '"Effective Date" means the date of the last signature below.\n\nIN WITNESS WHEREOF the parties sign.\nBy: A\nDate: December 17, 2019\nBy: B\nDate: December 19, 2019\n',
    );
    expect(r.effectiveDate).toBe('2019-12-19');
  });

  it('offers the agreement date when the contract speaks of an Effective Date it never defines', () => {
    const r = read(
      'This Agreement is dated as of March 3, 2019 between A Corp. and B LLC.\n\n1. Services. From the Effective Date, A shall provide the services.',
    );
    expect(r.effectiveDate).toBe('2019-03-03');
  });

  it('does not offer the agreement date as the effective date when no Effective Date is mentioned', () => {
    const r = read(
      'This Agreement is dated as of March 3, 2019 between A Corp. and B LLC.\n\n1. Services. A shall provide the services.',
    );
    expect(r.agreementDate).toBe('2019-03-03');
    expect(r.effectiveDate).toBeNull();
  });

  it('reads "made effective this ... day of" and an "EFFECTIVE DATE:" line', () => {
    expect(
      read(
        'THIS MAINTENANCE AGREEMENT, made effective this 9th day of August 2021, is entered into by and between Northwind Ltd. and Harbor Tools Inc.',
      ).effectiveDate,
    ).toBe('2021-08-09');
    expect(
      read(
        'SERVICE ORDER\n1. EFFECTIVE DATE: March 01, 2022\n2. ORDER NUMBER: 4471\n3. SERVICE LEVEL: Standard',
      ).effectiveDate,
    ).toBe('2022-03-01');
  });

  const signedTwice =
    '\nIN WITNESS WHEREOF, the parties have signed this Agreement below.\nNORTHWIND LTD. HARBOR TOOLS INC.\nBy: /s/ A. Lind By: /s/ P. Moreau\nDate: 6-21-21 Date: 6-9-21\n\nEXHIBIT B\nFORM OF WORK ORDER\nIN WITNESS WHEREOF, the parties have executed this Work Order.\nBy: __________ By: __________\nDate: _______ Date: _______\n';

  it('takes the later signature for "the later of the dates shown by the signatures below", past a blank form', () => {
    const r = read(
      'This Agreement is made by Northwind Ltd. and Harbor Tools Inc.\n12.4 Effective Date. The Effective Date of this Agreement shall be the later of the dates shown by the signatures below.' +
        signedTwice,
    );
    expect(r.effectiveDate).toBe('2021-06-21');
  });

  it('reads "effective on the later of the dates that it is executed" and "the date the last party hereto has executed"', () => {
    expect(
      read(
        'This Agreement shall be effective on the later of the dates that it is executed by Northwind and Harbor (the "Effective Date").' +
          signedTwice,
      ).effectiveDate,
    ).toBe('2021-06-21');
    expect(
      read(
        '"EFFECTIVE DATE" of this Agreement shall mean the date the last party hereto has executed this Agreement.' +
          signedTwice,
      ).effectiveDate,
    ).toBe('2021-06-21');
  });

  it('reads "takes effect on the date of signature by both parties" as the day it is signed', () => {
    // No dated signature lines: the date it is made is the day it was signed.
    expect(
      read(
        'This Consulting Agreement is entered into on July 14th, 2022 by Northwind Ltd. and Harbor Tools Inc.\n3.1 This Agreement shall take effect on the date of signature of the Agreement by both parties and shall end when the Project is delivered.',
      ).effectiveDate,
    ).toBe('2022-07-14');
    expect(
      read(
        '8. DURATION\nThis Agreement shall become effective on the signing date and shall last three years.' +
          signedTwice,
      ).effectiveDate,
    ).toBe('2021-06-21');
  });

  it('returns null for a blank date', () => {
    expect(
      read('This Agreement is made this ____ day of ___________, 2000 between A and B.')
        .agreementDate,
    ).toBeNull();
  });
});

describe('a term that starts when the agreement is dated', () => {
  it('"commences on the date first above written" and "commence on the date of this Agreement" mean the agreement date', () => {
    const a = read(
      'This Maintenance Agreement is made July 23, 2003 between A and B. 2. Term. This Agreement commences on the date first above written, and will remain in effect for the period of five (5) years, except as otherwise provided herein.',
    );
    expect(a).toMatchObject({
      agreementDate: '2003-07-23',
      effectiveDate: '2003-07-23',
      initialTerm: 'P5Y',
      expirationDate: '2008-07-22',
    });
    const b = read(
      'This Co-Branding Agreement is dated June 8, 1999 between A and B. The Term shall commence on the date of this Agreement and, unless earlier terminated, shall end as of December 31, 2000.',
    );
    expect(b).toMatchObject({ effectiveDate: '1999-06-08', expirationDate: '2000-12-31' });
  });

  it('does not borrow the agreement date when the start is another event', () => {
    const r = read(
      'This Agreement is made July 23, 2003 between A and B. This Agreement commences on the date the Product is first delivered and remains in effect for five (5) years.',
    );
    expect(r.effectiveDate).toBeNull();
  });
});

describe('term and expiration', () => {
  it('reads "continue for three (3) years thereafter (the Initial Term)" as the term, and "Unless terminated sooner" is not perpetual', () => {
    const r = read(
      'This Strategic Alliance Agreement is entered into as of April 15, 2009 (the "Effective Date") by and between A Inc. and B Corp. Unless terminated sooner, the term of this Agreement shall begin on the Effective Date and continue for three (3) years thereafter (the "Initial Term") and shall automatically renew for additional one (1) year terms.',
    );
    expect(r).toMatchObject({
      initialTerm: 'P3Y',
      expirationDate: '2012-04-14',
      perpetual: false,
      autoRenewal: true,
      renewalTerm: 'P1Y',
    });
  });

  it('still reads "for one year thereafter" after an end as a renewal, not as the term', () => {
    const r = read(
      'This Agreement is made as of January 1, 2020 (the "Effective Date"). The term of this Agreement shall expire on December 31, 2021 and shall automatically renew for one (1) year thereafter unless either party gives notice.',
    );
    expect(r).toMatchObject({ expirationDate: '2021-12-31', initialTerm: null });
  });

  it('has no fixed end when it runs until an event or until another agreement ends', () => {
    expect(
      read(
        'This Agreement is made March 1, 2018 (the "Effective Date"). The term of this Agreement shall continue in effect until Achaogen ceases development and commercialization of Plazomicin ("Term").',
      ).perpetual,
    ).toBe(true);
    expect(
      read(
        'This Agreement is made March 1, 2018 (the "Effective Date"). This Agreement shall become effective as of the Effective Date and shall continue until the expiration or earlier termination of the Development and License Agreement (the "Term").',
      ).perpetual,
    ).toBe(true);
  });

  it('computes the expiration from the effective date and the initial term (minus one day)', () => {
    const r = read(
      'This Agreement is entered into as of March 27, 2019 (the "Effective Date").\n\n15.1 Term. The term of this Agreement shall commence on the Effective Date and continue for a period of ten (10) years.',
    );
    expect(r.initialTerm).toBe('P10Y');
    expect(r.expirationDate).toBe('2029-03-26');
    expect(r.perpetual).toBe(false);
  });

  it('takes an explicit end date (CUAD consulting agreement)', () => {
    const r = read(
      'This Agreement shall begin on the Effective Date and shall continue until December 31, 2020, unless extended or earlier terminated.',
    );
    expect(r.expirationDate).toBe('2020-12-31');
  });

  it('offers the fixed end of a term that depends on another event too ("whichever is later"), marked conditionalEnd', () => {
    const text =
      'effective as of the 23rd day of September, 2016 ("Effective Date").\nThe term of this Agreement shall be five (5) years following the Effective Date or until the Studies are completed, whichever is later.';
    const r = read(text);
    expect(r.initialTerm).toBe('P5Y');
    expect(r.expirationDate).toBe('2021-09-22');
    const end = topCandidate(expirationDateExtractor, text, 'en', {
      effectiveDate: { value: '2016-09-23', confidence: 0.9, evidence: [] },
    });
    expect(end?.features.conditionalEnd).toBe(1);
    const plain = topCandidate(
      expirationDateExtractor,
      'The term of this Agreement shall be five (5) years following the Effective Date.',
      'en',
      { effectiveDate: { value: '2016-09-23', confidence: 0.9, evidence: [] } },
    );
    expect(plain?.features.conditionalEnd).toBe(0);
  });

  it('reads an anniversary inside "the earlier of (i) ... and (ii) ..."', () => {
    const r = read(
      'This Services Agreement is made as of April 2, 2021 (the "Effective Date").\n2. Term. This Services Agreement shall expire upon the earlier of (i) the second anniversary of the Effective Date and (ii) the date on which the Supplier has delivered every Unit ordered hereunder.',
    );
    expect(r.expirationDate).toBe('2023-04-01');
  });

  it('computes the end from an anniversary of the Effective Date', () => {
    const r = read(
      'This Agreement is made as of May 6, 2019 (the "Effective Date").\nThe term of this Agreement will commence upon the Effective Date and will continue until the fifth (5th) anniversary of the Effective Date, unless earlier terminated (the "Initial Term").',
    );
    expect(r.initialTerm).toBe('P5Y');
    expect(r.expirationDate).toBe('2024-05-05');
  });

  it('reads "ending on the tenth (10th) anniversary thereof"', () => {
    const r = read(
      'This Agreement is made as of March 27, 2019 (the "Effective Date").\n\n15.1 Term. This Agreement shall be in effect for a period commencing from the Effective Date and ending on the tenth (10th) anniversary thereof (the "Initial Term").',
    );
    expect(r.expirationDate).toBe('2029-03-26');
  });

  it('does not take "During the Term of this Agreement, ..." sentences for the term clause', () => {
    const during = Array.from(
      { length: 7 },
      (_, i) =>
        `During the Term of this Agreement, Supplier will deliver report ${i + 1} and will continue to maintain the records.`,
    ).join(' ');
    const r = read(
      `This Agreement is made as of March 27, 2019 (the "Effective Date"). ${during}\n\n15.1 Term. This Agreement shall enter into force on the Effective Date. The Agreement shall have an initial term of ten (10) years commencing from the Effective Date and ending on the tenth (10th) anniversary thereof (the "Initial Term").`,
    );
    expect(r.initialTerm).toBe('P10Y');
    expect(r.expirationDate).toBe('2029-03-26');
  });

  it('reads a term sentence whose subject is not the agreement when it defines the Term', () => {
    const r = read(
      '3. Term\nThis promotion shall begin on June 1, 1999 and shall terminate June 1, 2000 (herein "Term").',
    );
    expect(r.expirationDate).toBe('2000-06-01');
    expect(r.effectiveDate).toBe('1999-06-01');
  });

  it('reads an amendment\'s own term ("This Second Amendment shall ... expire on")', () => {
    const r = read(
      '1. Term. This Second Amendment shall be effective from the Second Amendment Effective Date and shall expire on December 31, 2021.',
    );
    expect(r.expirationDate).toBe('2021-12-31');
  });

  it('reads a "TERM:" line with a date range', () => {
    const r = read(
      '5. STATE OF INCORPORATION: Delaware\n6. TERM: November 01, 2014 to October 31, 2017\n7. RATES: as filed.',
    );
    expect(r.expirationDate).toBe('2017-10-31');
  });

  it('reads the first sentence under a Term heading ("The term of the Franchise shall be ...")', () => {
    const r = read(
      '2. TERM. The term of the Franchise shall be twenty (20) years, commencing on January 1, 2016. 3. FRANCHISE FEE. Grantee shall pay a fee.',
    );
    expect(r.initialTerm).toBe('P20Y');
    expect(r.expirationDate).toBe('2035-12-31');
  });

  it('does not treat "or until terminated as per clause 8" as an end that depends on another event', () => {
    const r = read(
      'This Agreement is effective as of January 1, 2013 (the "Effective Date").\n3. TERM The Term shall commence on the Effective Date and shall extend for a period of twenty four (24) months or until terminated as per clause 8 herein.',
    );
    expect(r.expirationDate).toBe('2014-12-31');
  });

  it('reads a defined contract period with start and end dates', () => {
    const r = read(
      '"Contract Period" shall mean that period of time commencing as of May 31, 1999 and concluding May 31, 2000.',
    );
    expect(r.expirationDate).toBe('2000-05-31');
  });

  it('treats an end tied to an event, not a date, as no fixed end', () => {
    const r = read(
      'This Agreement shall become effective as of the Effective Date and shall continue to be in full force and effect for so long as Photronics and DNP each remains a Shareholder of the Company.',
    );
    expect(r.perpetual).toBe(true);
    expect(r.expirationDate).toBeNull();
  });

  it('marks an agreement that runs until terminated as perpetual', () => {
    const r = read(
      'This Agreement shall become effective as of the Effective Date and shall continue in full force and effect until terminated pursuant to this Article 18.',
    );
    expect(r.perpetual).toBe(true);
    expect(r.expirationDate).toBeNull();
  });
});

describe('renewal and notice', () => {
  it('reads "It is ... renewed tacitly every year" when the sentence before is about the agreement (CUAD outsourcing agreement)', () => {
    const r = read(
      '13.1. The present Agreement is effective as from 1 January 2009. It is established by calendar year and renewed tacitly every year.',
    );
    expect(r).toMatchObject({ autoRenewal: true, renewalTerm: 'P1Y' });
    // "It" about something else does not make the agreement renew.
    const other = read(
      '13.1. The Support Period starts on delivery. It is renewed tacitly every year.',
    );
    expect(other.autoRenewal).not.toBe(true);
  });

  it('reads automatic renewal, its period and the notice of non-renewal (CUAD reseller agreement)', () => {
    const r = read(
      '10.1 Term. The initial term of this Agreement will be for two (2) years commencing on the Effective Date. This Agreement shall automatically renew for successive one (1) year periods unless either party gives written notice of non-renewal at least sixty (60) days prior to the end of the then current term.',
    );
    expect(r.autoRenewal).toBe(true);
    expect(r.renewalTerm).toBe('P1Y');
    expect(r.noticePeriod).toBe('P60D');
  });

  it('reads "renew automatically each year thereafter ... 90 days prior to the expiration"', () => {
    const r = read(
      'This agreement shall be for a term of five years from the date of this document. This agreement shall renew automatically each year thereafter, unless either party serves written notice of its intention not to renew, on the other at least 90 days prior to the expiration of the then current term of this agreement.',
    );
    expect(r.autoRenewal).toBe(true);
    expect(r.renewalTerm).toBe('P1Y');
    expect(r.noticePeriod).toBe('P90D');
  });

  it('reads month-to-month evergreen continuation', () => {
    const r = read(
      'After the Initial Term, this Agreement shall continue on a month to month basis until terminated by either party upon thirty (30) days prior written notice.',
    );
    expect(r.autoRenewal).toBe(true);
    expect(r.renewalTerm).toBe('P1M');
  });

  it('treats a renewal by option or mutual agreement as not automatic, keeping its length', () => {
    const r = read(
      'The term of this Agreement may be extended for an additional two year period with the written consent of both parties.',
    );
    expect(r.autoRenewal).toBe(false);
    expect(r.renewalTerm).toBe('P2Y');
    expect(r.noticePeriod).toBeNull();
  });

  it('reads "thereafter shall continue automatically for successive annual periods"', () => {
    const r = read(
      'This Agreement shall continue in effect for two years from the date hereof, and thereafter shall continue automatically for successive annual periods.',
    );
    expect(r.autoRenewal).toBe(true);
    expect(r.renewalTerm).toBe('P1Y');
  });

  it('ignores automatic extension of something other than the agreement', () => {
    const r = read(
      'If the Company has not issued shares by the Window Date, the Support Period shall automatically be extended until the next annual meeting.',
    );
    expect(r.autoRenewal).toBeNull();
  });

  it('finds nothing about renewal when the contract says nothing', () => {
    const r = read(
      'The Supplier shall deliver the Products within thirty (30) days of each order.',
    );
    expect(r.autoRenewal).toBeNull();
    expect(r.renewalTerm).toBeNull();
  });
});
