import { topCandidate } from '../../test/extractor-harness';
import { terminationForConvenienceExtractor } from './termination-for-convenience.extractor';

function tfc(text: string): boolean | null {
  return topCandidate(terminationForConvenienceExtractor, text)?.value ?? null;
}

describe('findTerminationForConvenience', () => {
  it.each([
    'Either party may terminate this Agreement at any time on prior written notice to the other.',
    'This Agreement may also be terminated by either party upon ninety (90) days written notice.',
    'ENERGOUS may, at any time after the third anniversary of the Effective Date, terminate this Agreement with or without cause upon not less than one hundred and eighty (180) days prior written notice to DIALOG.',
    "This Agreement may be terminated, either in respect of a Fund or in its entirety, by either party for any reason upon 30 days' written notice to the other.",
    'Customer may terminate this Agreement for convenience upon sixty (60) days notice.',
    'Regardless of the term, Licensee can terminate Agreement with at least one hundred eighty (180) days written notice with no further obligation.',
    'Notwithstanding the foregoing, this Agreement shall be earlier terminated (x) by mutual agreement of the parties, or (y) at any time upon sixty (60) days advance written notice to the other party.',
    // A precondition before the right is not a ground for it.
    'So long as no default exists and is continuing hereunder or under the Lease, either party may terminate this Agreement at any time upon thirty (30) days written notice to the other party.',
    // One of the listed grounds is none at all.
    'Bellicum may terminate this Agreement upon ninety (90) days written notice to Miltenyi: 1) if Bellicum, in its sole and absolute discretion, discontinues the development of the Bellicum Product or 2) without cause for any reason or no reason.',
    // Grounds listed one by one, one of them only a notice period.
    'The Distributor may terminate this Agreement upon written notice (a) in the event the Supplier misses a delivery date by more than sixty days, or (b) at any other time upon one hundred twenty (120) days prior written notice to the Supplier.',
    'This Lease Agreement shall be terminable by the Landlord at any time in the event that the Premises are destroyed by fire; by the Landlord or the Tenant upon ninety (90) days written notice to the other party; or by the Tenant in the event the rent is raised.',
    'The Purchaser may terminate this Agreement at any time upon the occurrence of any of the following: (a) the insolvency of the Vendor; (b) the Vendor fails to deliver the Goods; or (c) without cause on not less than fifteen (15) days prior written notice.',
    'This Engagement can be terminated at any time before the end of the Term, as follows: (a) by the Adviser electing to give the Client not less than two months prior notice of such termination; (b) by the Client electing to give the Adviser two months prior notice.',
  ])('yes: %s', (text) => {
    expect(tfc(text)).toBe(true);
  });

  it.each([
    'Either party may terminate this Agreement immediately upon written notice if the other party materially breaches this Agreement and fails to cure such breach within thirty (30) days.',
    'If Licensee fails to reach the Market Penetration Targets, Licensor may terminate this Agreement upon written notice.',
    'Either Party may terminate this Agreement, immediately, by giving written notice of termination to the other if the other party becomes insolvent.',
    'The provisions of this Agreement shall not be terminable or revocable for any reason.',
    'The Supplier shall deliver the Products within thirty (30) days.',
    'This Agreement may be terminated by either party with cause upon thirty (30) days written notice.',
    'Each of the Suppliers may terminate its obligations to supply a particular Product under this Agreement by giving written notice.',
    'This agreement shall continue for an initial term of one (1) year and indefinitely after that until terminated by either party giving at least twelve (12) months prior written notice.',
    'The Distributor can terminate this Agreement immediately if the Company fails to deliver the Products.',
    'This Agreement shall be earlier terminated upon a material breach by either party that is not cured within thirty (30) days.',
    // Every listed ground names an event, even the one with a notice period.
    'The Distributor may terminate this Agreement upon written notice (a) in the event the Supplier misses a delivery date, or (b) upon sixty (60) days prior written notice in the event of a change of control of the Supplier.',
  ])('no: %s', (text) => {
    expect(tfc(text)).toBeNull();
  });
});
