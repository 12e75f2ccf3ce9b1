import { topCandidate } from '../../test/extractor-harness';
import { titleExtractor } from './title.extractor';

function title(text: string): string | null {
  return topCandidate(titleExtractor, text)?.value ?? null;
}

describe('findTitle', () => {
  it('skips the exhibit number and the confidentiality legend (CUAD strategic alliance agreement)', () => {
    const text =
      'Exhibit 10.11\n***Certain portions of this exhibit have been omitted based on a request for confidential treatment pursuant to Rule 24b-2 under the Securities\nExchange Act of 1934, as amended.\nSTRATEGIC ALLIANCE AGREEMENT\nThis Strategic Collaboration Agreement ("Agreement"), effective as of the 23rd day of September, 2016, is entered into by and between A and B.';
    expect(title(text)).toBe('STRATEGIC ALLIANCE AGREEMENT');
  });

  it('cuts "BY AND BETWEEN ..." off a heading', () => {
    expect(
      title(
        'Exhibit 10.1\nCOLOGUARD® PROMOTION AGREEMENT BY AND BETWEEN EXACT SCIENCES CORPORATION AND PFIZER INC.\n',
      ),
    ).toBe('COLOGUARD® PROMOTION AGREEMENT');
  });

  it('falls back to the name the preamble gives the document', () => {
    expect(
      title(
        'This Marketing Affiliate Agreement (the "Agreement") is made on May 8, 2014 between A and B.',
      ),
    ).toBe('Marketing Affiliate Agreement');
  });

  it('returns null when nothing names an agreement', () => {
    expect(title('Minutes of the meeting of the board held on 3 March 2019.')).toBeNull();
  });
});
