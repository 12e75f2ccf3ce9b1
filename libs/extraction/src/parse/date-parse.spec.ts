import {
  DATE_FIRST_WRITTEN,
  LAST_SIGNATURE_DATE,
  findDates,
  parseContractDate,
} from './date-parse';

describe('parseContractDate', () => {
  it.each([
    ['the 3rd day of March, 2019', '2019-03-03'],
    ['this 23rd day of  September, 2016', '2016-09-23'],
    ['March 3rd, 2019', '2019-03-03'],
    ['March 3, 2019', '2019-03-03'],
    ['Sept. 3 2019', '2019-09-03'],
    ['1st January 2020', '2020-01-01'],
    ['25 September 2018', '2018-09-25'],
    ['the first day of May, 2010', '2010-05-01'],
    ['3/1/19', '2019-03-01'],
    ['03/01/2019', '2019-03-01'],
    ['12/31/99', '1999-12-31'],
    ['31/01/2025', '2025-01-31'],
    ['2020-02-29', '2020-02-29'],
    // PDF text of superscript ordinals comes apart: "17t h day of February 2016".
    ['made effective this 17t h day of February 2016', '2016-02-17'],
    ['as of the 1s t day of June, 2004', '2004-06-01'],
  ])('reads "%s" as %s', (text, iso) => {
    expect(parseContractDate(text)).toBe(iso);
  });

  it.each([
    ['this ____ day of ___________, 2000'],
    ['dated as of ___________, 2015'],
    ['September __, 2018'],
    ['March 2019'],
    ['February 30, 2019'],
    ['13/13/2019'],
    ['Section 10.1.2'],
    ['the date first written above'],
  ])('returns null for the partial or non-date "%s"', (text) => {
    expect(parseContractDate(text)).toBeNull();
  });

  it('reports every date with offsets into the text', () => {
    const text = 'commencing on June 1, 1998 and ending May 31, 2001.';
    const found = findDates(text, 100);
    expect(found.map((d) => d.iso)).toEqual(['1998-06-01', '2001-05-31']);
    expect(found[0]).toMatchObject({ start: 114, end: 126, text: 'June 1, 1998' });
  });
});

describe('date references', () => {
  it.each([
    'effective as of the date first written above',
    'as of the day and year first above written',
    'on the date first set forth above',
    'as of the date hereof',
  ])('"%s" refers to the agreement date', (text) => {
    expect(DATE_FIRST_WRITTEN.test(text)).toBe(true);
  });

  it.each([
    'the last date of signature below',
    'the date of the last signature',
    'the date on which the last party signs',
  ])('"%s" refers to the latest signature', (text) => {
    expect(LAST_SIGNATURE_DATE.test(text)).toBe(true);
  });
});
