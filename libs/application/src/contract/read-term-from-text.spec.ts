import { locateSelection, readTermFromText, readingLanguage } from './read-term-from-text';

describe('reading a selected text as a term value', () => {
  it('reads Finnish and Swedish dates day first, English ones month first', () => {
    expect(readTermFromText('expirationDate', '31.12.2025', 'fi')).toEqual({ value: '2025-12-31' });
    expect(readTermFromText('effectiveDate', '1.5.2023', 'fi')).toEqual({ value: '2023-05-01' });
    expect(readTermFromText('effectiveDate', '1. toukokuuta 2023', 'fi')).toEqual({
      value: '2023-05-01',
    });
    expect(readTermFromText('effectiveDate', 'den 1 maj 2023', 'sv')).toEqual({
      value: '2023-05-01',
    });
    expect(readTermFromText('agreementDate', 'March 3, 2019', 'en')).toEqual({
      value: '2019-03-03',
    });
  });

  it('reads durations written in words', () => {
    expect(readTermFromText('noticePeriod', 'viimeistään kolme (3) kuukautta ennen', 'fi')).toEqual(
      { value: 'P3M' },
    );
    expect(readTermFromText('noticePeriod', 'sex månader', 'sv')).toEqual({ value: 'P6M' });
    expect(readTermFromText('renewalTerm', 'ninety (90) days', 'en')).toEqual({ value: 'P90D' });
  });

  it('reads money with its currency in the contract language', () => {
    expect(readTermFromText('contractValue', '48 000,00 €', 'fi')).toEqual({
      value: { amount: 48000, currency: 'EUR' },
    });
    expect(readTermFromText('contractValue', '12 500 kr', 'sv')).toEqual({
      value: { amount: 12500, currency: 'SEK' },
    });
  });

  it('says what to select when the text holds no such value, or two', () => {
    const none = readTermFromText('noticePeriod', 'Sopimus on voimassa', 'fi');
    expect(none).toEqual({
      error: expect.stringMatching(
        /No duration could be read in "Sopimus on voimassa" \(Finnish rules\); select a duration such as/,
      ),
    });
    const two = readTermFromText('expirationDate', '1.3.2023–28.2.2025', 'fi');
    expect(two).toEqual({
      error: expect.stringMatching(/holds 2 different dates; select only the one you mean/),
    });
    expect(readTermFromText('governingLaw', '  ', 'en')).toEqual({
      error: expect.stringMatching(/empty/),
    });
  });

  it("uses the contract's language when the engine reads it, else English", () => {
    expect(readingLanguage('fi')).toBe('fi');
    expect(readingLanguage('de')).toBe('en');
    expect(readingLanguage(null)).toBe('en');
  });

  it('finds the selection in the extracted text, on its page first', () => {
    const text = 'Page one: 3 kuukautta.\nPage two: 3\nkuukautta ennen.';
    const starts = [0, 23];
    expect(locateSelection(text, starts, '3 kuukautta', 2)).toEqual({
      page: 2,
      start: 33,
      end: 44,
      text: '3\nkuukautta',
    });
    expect(locateSelection(text, starts, '3 kuukautta')?.page).toBe(1);
    expect(locateSelection(text, starts, 'not there')).toBeNull();
  });
});
