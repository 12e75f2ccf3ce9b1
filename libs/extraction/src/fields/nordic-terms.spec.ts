import { readTerms, topCandidate } from '../../test/extractor-harness';
import { partiesExtractor } from './parties.extractor';

// Finnish and Swedish clauses (written for these tests, in the forms TERMS.md "Languages" lists), read by
// every stage but the learned scorer.
describe('Finnish terms', () => {
  it('reads a fixed term written as a range of day-first dates', () => {
    const t = readTerms('Sopimus on voimassa 1.5.2023–30.4.2025.', 'fi').terms;
    expect(t).toMatchObject({
      effectiveDate: '2023-05-01',
      expirationDate: '2025-04-30',
      perpetual: false,
    });
  });

  it('reads a two-year term that renews a year at a time unless given notice before its end', () => {
    const t = readTerms(
      'Sopimus on voimassa kaksi (2) vuotta 1.1.2024 alkaen. Tämän jälkeen sopimus jatkuu vuoden kerrallaan, ellei sitä irtisanota viimeistään kolme (3) kuukautta ennen sen päättymistä.',
      'fi',
    ).terms;
    expect(t).toMatchObject({
      effectiveDate: '2024-01-01',
      initialTerm: 'P2Y',
      expirationDate: '2025-12-31',
      autoRenewal: true,
      renewalTerm: 'P1Y',
      noticePeriod: 'P3M',
    });
  });

  it('reads an open-ended agreement ("toistaiseksi") and its notice period', () => {
    const t = readTerms(
      'Sopimus tulee voimaan 1. toukokuuta 2023 ja on voimassa toistaiseksi. Kumpikin osapuoli voi irtisanoa sopimuksen. Irtisanomisaika on kolme (3) kuukautta.',
      'fi',
    ).terms;
    expect(t).toMatchObject({
      effectiveDate: '2023-05-01',
      perpetual: true,
      noticePeriod: 'P3M',
      terminationForConvenience: true,
    });
  });

  it('reads Finnish governing law and the later of two signatures', () => {
    const t = readTerms(
      'Sopimukseen sovelletaan Suomen lakia.\n\nHelsingissä 12.4.2024          Oulussa 16.4.2024',
      'fi',
    ).terms;
    expect(t).toMatchObject({ governingLaw: 'Finland', agreementDate: '2024-04-16' });
  });

  it('reads the later of two signatures that a PDF text layer joined with one space', () => {
    const t = readTerms(
      'Sopimuksesta on tehty kaksi samasanaista kappaletta.\nTampereella 12.4.2024 Oulussa 16.4.2024\nDATAKEIDAS OY RAKENNUSLIIKE VUORELA OY',
      'fi',
    ).terms;
    expect(t.agreementDate).toBe('2024-04-16');
    const sv = readTerms(
      'Avtalet har upprättats i två likalydande exemplar.\nBergen den 12 februari 2024 Visby den 16 februari 2024\nFjordlys Programvare AS',
      'sv',
    ).terms;
    expect(sv.agreementDate).toBe('2024-02-16');
  });

  it('does not read rescission for breach as termination for convenience', () => {
    const t = readTerms(
      'Tilaaja voi purkaa sopimuksen, jos Toimittaja rikkoo sopimusta olennaisesti.',
      'fi',
    ).terms;
    expect(t.terminationForConvenience).toBeNull();
  });

  it('names the parties by their business ids, with their roles', () => {
    const parties = topCandidate(
      partiesExtractor,
      'PALVELUSOPIMUS\n\nTilaaja: Esimerkki Oy (Y-tunnus 1234567-8)\nToimittaja: Palvelu Oy (Y-tunnus 7654321-0)\n',
      'fi',
    )?.value;
    expect(parties).toEqual([
      { name: 'Esimerkki Oy', role: 'Tilaaja' },
      { name: 'Palvelu Oy', role: 'Toimittaja' },
    ]);
  });

  it('reads a monthly fee in euros written with a space and a decimal comma', () => {
    const t = readTerms('Palvelun kuukausimaksu on 1 250,00 € + alv.', 'fi').terms;
    expect(t.contractValue).toEqual({ amount: 1250, currency: 'EUR' });
  });
});

describe('Swedish terms', () => {
  it('reads "från och med ... till och med" with written months', () => {
    const t = readTerms(
      'Avtalet gäller från och med den 1 maj 2023 till och med den 30 april 2025.',
      'sv',
    ).terms;
    expect(t).toMatchObject({ effectiveDate: '2023-05-01', expirationDate: '2025-04-30' });
  });

  it('reads an automatic renewal "med ett år i taget" and notice before the end of the term', () => {
    const t = readTerms(
      'Avtalet gäller i två (2) år från den 1 januari 2024. Avtalet förlängs därefter automatiskt med ett år i taget om det inte sägs upp senast sex månader före avtalstidens utgång. Svensk rätt ska tillämpas på avtalet.',
      'sv',
    ).terms;
    expect(t).toMatchObject({
      initialTerm: 'P2Y',
      expirationDate: '2025-12-31',
      autoRenewal: true,
      renewalTerm: 'P1Y',
      noticePeriod: 'P6M',
      governingLaw: 'Sweden',
    });
  });

  it('reads "tills vidare" with its notice period', () => {
    const t = readTerms(
      'Avtalet gäller från och med den 1 september 2023 tills vidare. Uppsägningstiden är tre månader.',
      'sv',
    ).terms;
    expect(t).toMatchObject({ perpetual: true, noticePeriod: 'P3M' });
  });

  it('reads an option to extend as no automatic renewal', () => {
    const t = readTerms(
      'Avtalet gäller till och med den 31 augusti 2025. Avtalet kan förlängas med ett (1) år om parterna är överens.',
      'sv',
    ).terms;
    expect(t.autoRenewal).toBe(false);
  });

  it('names both parties of "mellan X, org.nr ..., och Y" with their defined roles', () => {
    const parties = topCandidate(
      partiesExtractor,
      'Detta avtal har ingåtts mellan Kund AB, org.nr 556677-8899, nedan kallad Kunden, och Leverantör AB, org.nr 556000-1111, nedan kallad Leverantören.',
      'sv',
    )?.value;
    expect(parties).toEqual([
      { name: 'Kund AB', role: 'Kunden' },
      { name: 'Leverantör AB', role: 'Leverantören' },
    ]);
  });

  it('reads a fixed first period that then runs on until terminated as an automatic renewal (subject after the verb)', () => {
    for (const text of [
      'Avtalet gäller från och med den 1 februari 2024 under en inledande period om tolv (12) månader. Därefter gäller avtalet tills vidare med en ömsesidig uppsägningstid om tre (3) månader.',
      'Hyresavtalet är tidsbundet och gäller 1.9.2023–31.8.2026. Efter avtalsperiodens slut fortsätter avtalet att gälla tills vidare med sex (6) månaders uppsägningstid för båda parterna.',
    ]) {
      expect(readTerms(text, 'sv').terms.autoRenewal).toBe(true);
    }
    const t = readTerms(
      'Avtalet löper under en initial avtalsperiod om fyrtioåtta (48) månader. Därefter löper avtalet vidare med tolv månader åt gången, om inte någon av parterna säger upp avtalet senast nio (9) månader före den då löpande avtalsperiodens utgång.',
      'sv',
    ).terms;
    expect(t).toMatchObject({ autoRenewal: true, renewalTerm: 'P12M', noticePeriod: 'P9M' });
  });

  it('reads crowns as SEK and a yearly rent', () => {
    const t = readTerms('Hyran utgör 342 000 kronor per år exkl. moms.', 'sv').terms;
    expect(t.contractValue).toEqual({ amount: 342000, currency: 'SEK' });
  });
});
