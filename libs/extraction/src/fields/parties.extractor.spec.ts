import { topCandidate } from '../../test/extractor-harness';
import { contractDocument } from '../document/contract-document';
import { partiesExtractor } from './parties.extractor';

function parties(text: string): Array<{ name: string; role: string | null }> {
  return topCandidate(partiesExtractor, text)?.value ?? [];
}

describe('findParties', () => {
  it('reads "Party A: ... Party B: ..." headings (CUAD cooperation agreement)', () => {
    const text =
      "Exhibit 10.47   Cooperation Agreement of 50MWp Photovoltaic Grid-connected Power Generation Project   Party A: People's Government of Fenyi County Party B: Xinyu Xinwei New Energy Co., Ltd.   Party A welcomes and supports Party B to invest.";
    expect(parties(text).map((p) => p.name)).toEqual([
      "People's Government of Fenyi County",
      'Xinyu Xinwei New Energy Co., Ltd.',
    ]);
  });

  it('keeps a firm name of comma-separated surnames whole ("Keefe, Bruyette & Woods, Inc.")', () => {
    const text =
      'This Agreement is made June 1, 2020 by and between Keefe, Bruyette & Woods, Inc. (the "Agent") and Acme Corp. (the "Company").';
    expect(parties(text).map((p) => p.name)).toEqual([
      'Keefe, Bruyette & Woods, Inc.',
      'Acme Corp.',
    ]);
    // A name followed by its description is still cut at the comma.
    const plain =
      'This Agreement is made June 1, 2020 by and between Smith, a Delaware corporation (the "Agent") and Acme Corp. (the "Company").';
    expect(parties(plain).map((p) => p.name)).toEqual(['Smith', 'Acme Corp.']);
  });

  it('falls back to the company names with a legal form written before the recitals (CUAD joint venture agreement)', () => {
    const text =
      'JOINT VENTURE AGREEMENT BETWEEN KIROMIC BIOPHARMA Inc., a Delaware Company, Fannin South Professional Building, 7707, Fannin St. Suite 140, Houston TX 77054 USA, in person of the Legal Representative AND MOLIPHARMA S.R.L. an Italian Company stated in Campobasso, Via del Castello n. 3, in person of the Legal Representative; each a Party and, together, the Parties. WHEREAS A. the parties wish to cooperate.';
    expect(parties(text).map((p) => p.name)).toEqual([
      'KIROMIC BIOPHARMA Inc.',
      'MOLIPHARMA S.R.L.',
    ]);
  });

  it('never names a legal form alone as a party (signature blocks of a joint filing agreement)', () => {
    const text =
      'JOINT FILING AGREEMENT\n\nThe undersigned agree to file jointly as a group.\nDated: July 6, 2020\nHPS INVESTMENT PARTNERS, LLC\n/s/ John Madden\nName: John Madden\nTitle: Authorized Signatory\nHPS MEZZANINE PARTNERS II, LLC\nBy: HPS Investment Partners, LLC, its sole member\n/s/ John Madden\n\nHPS MEZZANINE PARTNERS II OFFSHORE GP, L.P.\nBy: HPS Partners Holdings II, LLC, its general partner\n/s/ John Madden\nName: John Madden\nTitle: Authorized Signatory\nMEZZANINE PARTNERS - OFFSHORE INVESTMENT MASTER FUND II,\nL.P.\nBy: HPS Mezzanine Partners II, LLC, its investment manager\n/s/ John Madden\nName: John Madden\n';
    const names = partiesExtractor
      .propose(contractDocument(text), {})
      .flatMap((c) => c.value.map((p) => p.name.trim()));
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain('L.P.');
  });

  it('reads a letter agreement: the parties after the salutation and the one "their agreement with" names', () => {
    const text =
      'AGENCY AGREEMENT May 14, 2014 Keefe, Bruyette & Woods, Inc. 10 South Wacker Drive Chicago, Illinois 60606 Ladies and Gentlemen: Blue Hills Bancorp, Inc. (the "Holding Company"), a newly formed Maryland corporation, and Blue Hills Bank, a Massachusetts-chartered stock savings bank (the "Bank"), hereby confirm their agreement with Keefe, Bruyette & Woods, Inc. (the "Agent") as follows: Section 1. The Offering.';
    const names = parties(text).map((p) => p.name);
    expect(names.slice(0, 2)).toEqual(['Blue Hills Bancorp, Inc.', 'Blue Hills Bank']);
    expect(names[2]).toMatch(/Woods, Inc\.$/);
    expect(names).toHaveLength(3);
  });

  it('ends a name at its legal form before "of <address>"', () => {
    const text =
      'THIS SUPPLEMENTAL AGREEMENT is made as of 2013 by and between Tigrent Learning UK Limited of Boston House, 69 Boston Manor Road, Brentford ("Company") and Celebrity Speakers of 90 High Street, Burnham ("CSA").';
    expect(parties(text).map((p) => p.name)).toEqual([
      'Tigrent Learning UK Limited',
      'Celebrity Speakers',
    ]);
  });

  it('reads names and roles from a "by and between" preamble (excerpt of a CUAD content licence)', () => {
    const text =
      'THIS CONTENT LICENSE AGREEMENT (this "Agreement"), dated as of ___________, 2015 (the "Effective Date"), is entered into between Beijing Sun Seven Stars Culture Development Limited, a P.R.C. company with an address at Eastern Fangzheng Road, Beijing City, P.R.C. ("Licensor"), and YOU ON DEMAND HOLDINGS, INC., a Nevada corporation with an address at 375 Greenwich Street, New York, New York 10013 ("Licensee").\n\nWHEREAS, Licensor and Licensee have agreed';
    expect(parties(text)).toEqual([
      { name: 'Beijing Sun Seven Stars Culture Development Limited', role: 'Licensor' },
      { name: 'YOU ON DEMAND HOLDINGS, INC.', role: 'Licensee' },
    ]);
  });

  it('skips descriptions between parties and keeps legal suffixes (CUAD sponsorship agreement)', () => {
    const text =
      'THIS SPONSORSHIP AGREEMENT (the "Agreement") is made and entered into this the 24th day of February, 1998, by and between Southern Racing Promotions, Inc., ("SRP") a Tennessee corporation, and Logan\'s Roadhouse, Inc., a Tennessee corporation ("Logan\'s"), with its principal place of business in Nashville, Tennessee.\n\nWHEREAS, SRP is engaged';
    expect(parties(text).map((p) => p.name)).toEqual([
      'Southern Racing Promotions, Inc.',
      "Logan's Roadhouse, Inc.",
    ]);
  });

  it('does not take a defined term that is not a party ("System") for a party', () => {
    const text =
      'This Strategic Collaboration Agreement ("Agreement"), effective as of the 23rd day of September, 2016 ("Effective Date"), is entered into by and between The University of Texas M. D. Anderson Cancer Center, with a place of business located at 1515 Holcombe Blvd., Houston, TX 77030, USA ("MD Anderson"), a member institution of The University of Texas System ("System") and Adaptimmune LLC, with a place of business located at 2001 Market Street, Philadelphia, PA 1903, USA ("Adaptimmune"); and Adaptimmune Limited, with a place of business at 101 Milton Park, Abingdon ("Adaptimmune Limited") (MD Anderson and Adaptimmune each a "Party" and collectively the "Parties").\nWITNESSETH';
    expect(parties(text).map((p) => p.name)).toEqual([
      'The University of Texas M. D. Anderson Cancer Center',
      'Adaptimmune LLC',
      'Adaptimmune Limited',
    ]);
  });

  it('reads a cover page that lists the parties on their own lines', () => {
    const text =
      'DEVELOPMENT AND OPTION AGREEMENT\n\nbetween\n\nHARPOON THERAPEUTICS, INC.\n\nand\n\nABBVIE BIOTECHNOLOGY LTD\n\nDated as of November 20, 2019\n';
    expect(parties(text).map((p) => p.name)).toEqual([
      'HARPOON THERAPEUTICS, INC.',
      'ABBVIE BIOTECHNOLOGY LTD',
    ]);
  });

  it('reads an opening paragraph without "between" (CUAD consulting agreement)', () => {
    const text =
      'CONSULTING AGREEMENT\nAduro Biotech, Inc., with a place of business at 740 Heinz Avenue, Berkeley, CA 94710 ("Aduro") and IREYA B.V having an address at Staalwijkstraat 16, Leiden, the Netherlands, represented by Andrea van Elsas, ("Consultant") agree to all terms and conditions of this Consulting Agreement ("Agreement") dated June 1, 2020.';
    expect(parties(text)).toEqual([
      { name: 'Aduro Biotech, Inc.', role: null },
      { name: 'IREYA B.V', role: 'Consultant' },
    ]);
  });

  it('reads the signers of a document without a preamble (CUAD joint filing agreement)', () => {
    const text =
      'JOINT FILING AGREEMENT\nThe undersigned hereby agree to the joint filing of the Statement on Schedule 13D.\nDated: July 6, 2020\nHPS INVESTMENT PARTNERS, LLC\n/s/ John Madden\nName: John Madden\nTitle: Authorized Signatory\nHPS MEZZANINE PARTNERS II, LLC\nBy: HPS Investment Partners, LLC, its sole member\n/s/ John Madden\n';
    expect(parties(text).map((p) => p.name)).toEqual([
      'HPS INVESTMENT PARTNERS, LLC',
      'HPS MEZZANINE PARTNERS II, LLC',
    ]);
  });

  it('finds no parties in text without a preamble', () => {
    expect(parties('1. Definitions. "Products" means the goods listed in Exhibit A.')).toEqual([]);
  });
});
