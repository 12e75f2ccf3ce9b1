import { topCandidate } from '../../test/extractor-harness';
import { governingLawExtractor } from './governing-law.extractor';
import { jurisdictionAt } from './governing-law/jurisdictions';

function law(text: string): string | null {
  return topCandidate(governingLawExtractor, text)?.value ?? null;
}

describe('findGoverningLaw', () => {
  it.each([
    [
      'This Agreement shall be governed by and construed in accordance with the laws of the State of New York, without regard to its conflict of laws principles.',
      'New York',
    ],
    ['This Agreement shall be governed by the laws of the State of Texas.', 'Texas'],
    [
      'This Agreement shall be governed by, and construed in accordance with, the laws of England and Wales.',
      'England and Wales',
    ],
    [
      'This Agreement shall be governed by the laws of the Province of Ontario and the federal laws of Canada applicable therein.',
      'Ontario, Canada',
    ],
    [
      'This Agreement will be governed by and interpreted under the laws of the Province of British Columbia.',
      'British Columbia, Canada',
    ],
    [
      "This Agreement shall be governed by the laws of the People's Republic of China.",
      "People's Republic of China",
    ],
    [
      'The validity and interpretation of this Agreement shall be governed by the internal laws of the Commonwealth of Massachusetts.',
      'Massachusetts',
    ],
    ['This Agreement is governed by the substantive laws of Finland.', 'Finland'],
    ['The laws of the State of Delaware shall govern this Agreement.', 'Delaware'],
    ['This agreement shall be governed by and construed in accordance with Ohio law.', 'Ohio'],
    [
      'The parties hereby agree that this Agreement shall be construed in accordance with English law.',
      'England',
    ],
    [
      'This Agreement is accepted by Company in the State of Nevada and shall be governed by and construed in accordance with the laws thereof.',
      'Nevada',
    ],
    ['The laws of the Federal Republic of Germany shall apply to the Agreement.', 'Germany'],
    [
      'THE INTERPRETATION OF THIS CONTRACT SHALL BE CONTROLLED BY THE LAWS OF THE STATE OF TEXAS.',
      'Texas',
    ],
    [
      'This Agreement shall be construed in accordance with and governed by the laws ofthe State ofTexas.',
      'Texas',
    ],
  ])('%s -> %s', (text, expected) => {
    expect(law(text)).toBe(expected);
  });

  it('keeps the evidence sentence with its offsets', () => {
    const text =
      'Recitals.\n\n12. Governing Law. This Agreement shall be governed by the laws of the State of Nevada.';
    const found = topCandidate(governingLawExtractor, text);
    expect(found?.evidence[0].text).toContain('governed by the laws of the State of Nevada');
    expect(text.slice(found!.evidence[0].start, found!.evidence[0].end)).toBe(
      found!.evidence[0].text,
    );
  });

  it('returns null when no jurisdiction is named', () => {
    expect(law('Each party shall comply with all applicable laws and regulations.')).toBeNull();
    expect(law('This Agreement shall be governed by applicable law.')).toBeNull();
  });

  it('does not read Washington, D.C. as the State of Washington', () => {
    expect(jurisdictionAt('Washington, D.C., without regard')).toBe('District of Columbia');
  });
});
