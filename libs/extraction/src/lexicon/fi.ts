import type { Lexicon } from './lexicon.types';

// Finnish month names: nominative ("toukokuu"), partitive in dates ("1. toukokuuta 2023"), and the
// other case forms a contract uses ("toukokuun", "toukokuussa").
const MONTH_STEMS = [
  'tammikuu',
  'helmikuu',
  'maaliskuu',
  'huhtikuu',
  'toukokuu',
  'kesäkuu',
  'heinäkuu',
  'elokuu',
  'syyskuu',
  'lokakuu',
  'marraskuu',
  'joulukuu',
];
const MONTHS: Record<string, number> = {};
MONTH_STEMS.forEach((stem, i) => {
  for (const ending of ['', 'ta', 'n', 'ssa', 'sta', 'hun']) MONTHS[stem + ending] = i + 1;
});

// Number words in the case forms a duration takes: "kolme (3) kuukautta", "kolmen kuukauden",
// "kahdeksi vuodeksi", "kuuden kuukauden".
const NUMBERS: Record<string, number> = {
  yksi: 1,
  yhden: 1,
  yhdeksi: 1,
  yhtä: 1,
  kaksi: 2,
  kahden: 2,
  kahdeksi: 2,
  kahta: 2,
  kolme: 3,
  kolmen: 3,
  kolmeksi: 3,
  kolmea: 3,
  neljä: 4,
  neljän: 4,
  neljäksi: 4,
  neljää: 4,
  viisi: 5,
  viiden: 5,
  viideksi: 5,
  viittä: 5,
  kuusi: 6,
  kuuden: 6,
  kuudeksi: 6,
  kuutta: 6,
  seitsemän: 7,
  seitsemäksi: 7,
  seitsemää: 7,
  kahdeksan: 8,
  kahdeksaksi: 8,
  kahdeksaa: 8,
  yhdeksän: 9,
  yhdeksäksi: 9,
  yhdeksää: 9,
  kymmenen: 10,
  kymmeneksi: 10,
  kymmentä: 10,
  yksitoista: 11,
  yhdentoista: 11,
  kaksitoista: 12,
  kahdentoista: 12,
  kahdeksitoista: 12,
  kahdeksantoista: 18,
  kaksikymmentä: 20,
  kahdenkymmenen: 20,
  kaksikymmentäneljä: 24,
  kahdenkymmenenneljän: 24,
  kolmekymmentä: 30,
  kolmenkymmenen: 30,
  kolmekymmentäkuusi: 36,
  kolmenkymmenenkuuden: 36,
  neljäkymmentäviisi: 45,
  neljänkymmenenviiden: 45,
  kuusikymmentä: 60,
  kuudenkymmenen: 60,
  yhdeksänkymmentä: 90,
  yhdeksänkymmenen: 90,
  sata: 100,
  sadan: 100,
  satakaksikymmentä: 120,
  sadankahdenkymmenen: 120,
  satakahdeksankymmentä: 180,
  sadankahdeksankymmenen: 180,
};

/** Finnish (suomi). */
export const FI: Lexicon = {
  language: 'fi',
  months: MONTHS,
  dateOrder: 'day-first',
  numberWords: NUMBERS,
  durationUnits: [
    ['päiv(?:ä|ää|än|ien|inä|äksi|ässä)|pv', 'D'],
    ['viiko(?:n|ksi|t)|viikk(?:o|oa)|viikon', 'W'],
    ['kuukau(?:si|tta|den|deksi|tena|sien)|kuukaud(?:en|eksi|essa)|kk', 'M'],
    ['vuo(?:si|tta|den|deksi|tena|sien)|v\\.', 'Y'],
  ],
  singleUnitWords: [
    ['vuoden|vuodeksi|vuosi', 'Y'],
    ['kuukauden|kuukaudeksi|kuukausi', 'M'],
  ],
  documentWords: '[a-zåäö-]*sopimus|[a-zåäö-]*ehdot|[a-zåäö-]*sitoumus|tilausvahvistus',
  lawNames: {
    suomen: 'Finland',
    ruotsin: 'Sweden',
    norjan: 'Norway',
    tanskan: 'Denmark',
    viron: 'Estonia',
    saksan: 'Germany',
    englannin: 'England',
  },
  obligationKinds: [
    ['payment', '(?:maksaa|maksamaan|suorittaa\\s+(?:\\S+\\s+){0,3}maksu\\w*|korvaa\\w*)'],
    ['insurance', '(?:\\S+\\s+){0,6}vakuutu\\w*'],
    ['audit', '(?:\\S+\\s+){0,8}(?:tarkasta\\w*|auditoi\\w*)'],
    ['reporting', '(?:\\S+\\s+){0,6}(?:raportoi\\w*|raportin|raportit|raportteja)'],
    ['delivery', '(?:toimittaa|toimittamaan|luovuttaa)\\b'],
    ['confidentiality', '(?:\\S+\\s+){0,6}(?:salassa|luottamuksellise\\w*|salassapi\\w*)'],
  ],
  obligationModal:
    '(?:sitoutuu|on\\s+velvollinen|velvoitetaan|tulee|vastaa\\s+siitä,?\\s+että|on\\s+(?:oikeutettu\\s+ja\\s+)?velvollinen)',
  eachParty: 'kumpikin\\s+osapuoli|molemmat\\s+osapuolet|osapuolet|osapuoli',
  cues: {
    agreementDate:
      '\\b(?:päivätty|päiväys|allekirjoitettu|paikka\\s+ja\\s+(?:aika|päivämäärä)\\s*:?(?:\\s*[\\p{Lu}][\\p{L}-]+\\s*,?)?)',
    signaturePlace: '[A-ZÅÄÖ][a-zåäö-]+(?:ssa|ssä|lla|llä)',
    effectiveFrom:
      '(?:\\b(?:tulee|astuu)\\s+voimaan|\\bon\\s+voimassa|(?<![\\p{L}])(?:voimaantulopäivä|alkamispäivä|aloituspäivä)["”]?(?:\\s+(?:on|tarkoittaa))?|\\b(?:alkaa|alkavat|aloitetaan))(?![\\p{L}])',
    effectiveFromAfter: '^\\s*(?:(?:lukien|alkaen)\\b|[-–—]\\s*(?:\\d|$))',
    endsOn: '\\b(?:päättyy|päättymispäivä(?:\\s+on)?|voimassa\\s+(?:\\S+\\s+)?[-–—]|[-–—])\\s*',
    endsOnAfter: '^\\s*(?:saakka|asti|päättyen|mennessä)\\b',
    termSubject:
      '(?<![\\p{L}])(?:[\\p{L}-]*sopimus|vuokrasuhde|toimeksianto|sopimuskausi|sopimusaika|määräaika)\\s+(?:on|tulee|astuu|alkaa|jatkuu|päättyy)(?![\\p{L}])|\\bsopimuksen\\s+(?:voimassaolo|kesto)|\\b(?:sopimuskausi|sopimusaika)\\b',
    fixedTerm:
      '\\b(?:määräaikai(?:nen|sena)|määräajan|ensimmäinen\\s+sopimuskausi\\s+on|sopimuskausi\\s+on|voimassa(?:\\s+\\S+){0,3})\\s*$',
    indefinite: '\\btoistaiseksi\\b',
    autoRenewal:
      '\\b(?:jatkuu|jatketaan|uusiutuu|uusitaan|pidentyy|jatkuvat)\\b(?:\\s+\\S+){0,6}?\\s+(?:automaattisesti|kerrallaan|toistaiseksi|ajaksi|jaksoissa|kaudeksi)|\\bautomaattisesti\\s+(?:jatkuva|uusiutuva)',
    renewalEach: '\\b(?:kerrallaan|kaudeksi|jaksoissa|jaksoksi|ajaksi)\\b',
    optionRenewal:
      '\\b(?:voidaan\\s+(?:jatkaa|pidentää|uusia)|voi\\s+(?:jatkaa|pidentää)|optio|oikeus\\s+jatkaa|sopia\\s+(?:sopimuksen\\s+)?jatk\\w*|jatkamisesta\\s+sovitaan)\\b',
    notice: '\\b(?:irtisano\\w*|irtisanomi\\w*|ilmoit\\w*)',
    terminateByNotice: '\\birtisano\\w*',
    beforeEnd: '\\bennen\\s+(?:\\S+\\s+){0,3}?(?:päättymistä|päättymispäivää|loppua|umpeutumista)',
    noticePeriodIs: '\\birtisanomisaika\\s+on\\b|\\birtisanomisajalla\\b|\\birtisanomisaikaa\\b',
    governingLaw: '\\b(?:sovelletaan|noudatetaan|sovellettava\\s+laki)\\b',
    forCause:
      '\\b(?:purkaa|purkaminen|purku\\w*|olennai\\w*\\s+rikko\\w*|sopimusrikko\\w*|laimin\\w*|konkurssi\\w*|maksukyvyttöm\\w*|yrityssaneeraus\\w*)',
    condition: '\\b(?:jos|mikäli|siinä\\s+tapauksessa)\\b',
    partyRoles:
      'tilaaja|toimittaja|palveluntarjoaja|palveluntuottaja|asiakas|myyjä|ostaja|vuokranantaja|vuokralainen|urakoitsija|lisenssinantaja|lisenssinsaaja|päämies|edustaja|jälleenmyyjä|konsultti|työnantaja|kunta|kaupunki',
    businessId: '\\b(?:y-tunnus|ytunnus|y\\s*-\\s*tunnus|yritystunnus|ly-tunnus)\\s*:?',
    // Any fee word ("huoltomaksu", "kuukausivuokra", "kokonaisarvo", "ostovolyymi", "kokonaispalkka",
    // "toiminta-avustus", "kokonaisbudjetti"), not VAT or payment terms.
    fee: '(?<![\\p{L}])(?![\\p{L}]*(?:arvonlisä|maksuehto|maksuaika|viivästys|vakuutus))([\\p{L}]*(?:maksu|hinta|vuokra|korvaus|palkkio|arvo|volyymi|palkka|avustus|budjetti))[\\p{L}]*',
    paymentTerms:
      '\\b(?:\\d{1,3}|neljätoista|kolmekymmentä)\\s*(?:\\(\\d{1,3}\\)\\s*)?(?:päivää|pv)\\s+netto\\b|\\bmaksuehto\\s*(?:on\\s+)?:?\\s*\\d{1,3}\\s*(?:päivää|pv)(?:\\s+netto)?',
    otherSubject:
      'salassapi\\w*|vastuu\\w*|takuu\\w*|lisenssi\\w*|vakuu\\w*|hin(?:ta|nat|tojen)\\w*|koeaika\\w*|työsuhte\\w*|kilpailukiel\\w*|tilau\\w*',
    thisAgreement: '\\b(?:tämä\\s+sopimus|sopimus)\\b',
  },
};
