import type { Lexicon } from './lexicon.types';

const MONTH_NAMES = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** Swedish (svenska). */
export const SV: Lexicon = {
  language: 'sv',
  months: {
    ...Object.fromEntries(MONTH_NAMES.map((m, i) => [m, i + 1])),
    jan: 1,
    feb: 2,
    apr: 4,
    aug: 8,
    sept: 9,
    okt: 10,
    nov: 11,
    dec: 12,
  },
  dateOrder: 'day-first',
  numberWords: {
    en: 1,
    ett: 1,
    ena: 1,
    två: 2,
    tre: 3,
    fyra: 4,
    fem: 5,
    sex: 6,
    sju: 7,
    åtta: 8,
    nio: 9,
    tio: 10,
    elva: 11,
    tolv: 12,
    arton: 18,
    tjugo: 20,
    tjugofyra: 24,
    trettio: 30,
    trettiosex: 36,
    fyrtiofem: 45,
    sextio: 60,
    nittio: 90,
    hundra: 100,
    etthundra: 100,
    hundratjugo: 120,
    etthundratjugo: 120,
    hundraåttio: 180,
    etthundraåttio: 180,
  },
  durationUnits: [
    ['dag(?:ar|ars|s)?', 'D'],
    ['veck(?:a|or|ors|as)', 'W'],
    ['månad(?:er|ers|s)?', 'M'],
    ['år(?:s)?', 'Y'],
  ],
  singleUnitWords: [
    ['år(?:et|s)?', 'Y'],
    ['månad(?:en)?', 'M'],
  ],
  documentWords:
    '[a-zåäö-]*avtal(?:et)?|[a-zåäö-]*överenskommelse|[a-zåäö-]*villkor|[a-zåäö-]*kontrakt|orderbekräftelse',
  lawNames: {
    svensk: 'Sweden',
    finsk: 'Finland',
    norsk: 'Norway',
    dansk: 'Denmark',
    engelsk: 'England',
    tysk: 'Germany',
  },
  obligationKinds: [
    ['payment', '(?:betala|erlägga|ersätta)\\b'],
    ['insurance', '(?:\\S+\\s+){0,6}försäkring\\w*'],
    ['audit', '(?:\\S+\\s+){0,8}(?:revision\\w*|granska\\w*|inspektion\\w*)'],
    ['reporting', '(?:\\S+\\s+){0,6}(?:rapport\\w*|redovis\\w*)'],
    ['delivery', '(?:leverera|tillhandahålla|överlämna)\\b'],
    ['confidentiality', '(?:\\S+\\s+){0,6}(?:sekretess\\w*|konfidentiell\\w*|hemlig\\w*)'],
  ],
  obligationModal:
    '(?:ska|skall|förbinder\\s+sig\\s+att|åtar\\s+sig\\s+att|ansvarar\\s+för\\s+att|är\\s+skyldig\\s+att)',
  eachParty:
    'vardera\\s+parten|var\\s+och\\s+en\\s+av\\s+parterna|båda\\s+parter(?:na)?|parterna|part(?:en)?',
  cues: {
    agreementDate:
      '\\b(?:undertecknat|ort\\s+och\\s+datum\\s*:?(?:\\s*[\\p{Lu}][\\p{L}-]+\\s*,?(?:\\s+den)?)?|datum\\s*:)',
    signaturePlace: '[A-ZÅÄÖ][a-zåäö-]+(?:\\s+den)?',
    effectiveFrom:
      '\\b(?:träder\\s+i\\s+kraft|gäller\\s+från\\s+och\\s+med|gäller\\s+fr\\.?\\s*o\\.?\\s*m\\.?|från\\s+och\\s+med|fr\\.?\\s*o\\.?\\s*m\\.?|gäller\\s+från|ikraftträdande(?:datum)?|börjar\\s+gälla|tillträdesdag(?:en)?\\s+är|löper\\s+från|påbörjas|inleds|från(?=\\s+(?:den\\s+)?\\d)|(?<![\\p{L}])ikraftträdandedag(?:en)?["”]?\\s*(?::|är|avser))(?:\\s+den)?(?![\\p{L}])',
    effectiveFromAfter: '^\\s*[-–—]\\s*(?:\\d|$)',
    endsOn:
      '\\b(?:till\\s+och\\s+med|t\\.?\\s*o\\.?\\s*m\\.?|upphör(?:\\s+att\\s+gälla)?(?:\\s+utan\\s+uppsägning)?(?:\\s+den)?|slutar(?:\\s+den)?|till|[-–—])\\s*(?:den\\s+)?',
    endsOnAfter: '(?!)',
    termSubject:
      '(?<![\\p{L}])(?:[\\p{L}-]*avtal(?:et)?|uppdraget|hyresförhållandet)\\s+(?:gäller|löper|träder|förlängs|upphör|påbörjas|pågår)(?![\\p{L}])|(?<![\\p{L}])(?:avtalstid(?:en)?|avtalsperiod(?:en)?|hyrestid(?:en)?)(?![\\p{L}])',
    fixedTerm:
      '\\b(?:under\\s+en\\s+(?:period|tid)\\s+av|för\\s+en\\s+(?:period|tid)\\s+av|avtalstid(?:en)?\\s+är|gäller\\s+i|löper\\s+i|tidsbegränsat?\\s+(?:till|i)|på\\s+en\\s+tid\\s+av|initial\\s+avtalstid\\s+(?:är|om))\\s*$',
    indefinite: '\\btills\\s+vidare\\b|\\bpå\\s+obestämd\\s+tid\\b',
    // Also with the subject after the verb ("Därefter löper avtalet vidare", "fortsätter avtalet att gälla",
    // "Därefter gäller avtalet tills vidare": after a fixed first period it runs on until terminated).
    autoRenewal:
      '\\b(?:förlängs|förnyas|löper\\s+(?:därefter\\s+)?(?:(?:\\p{L}*avtalet|det)\\s+)?vidare|fortsätter\\s+(?:därefter\\s+)?(?:(?:\\p{L}*avtalet|det)\\s+)?att\\s+gälla|därefter\\s+gäller\\s+(?:\\p{L}*avtalet|det)\\s+tills\\s+vidare)\\b',
    renewalEach: '\\b(?:i\\s+taget|i\\s+sänder|åt\\s+gången|per\\s+gång|för\\s+varje\\s+gång)\\b',
    optionRenewal:
      '\\b(?:kan\\s+förlängas|får\\s+förlängas|option\\s+att\\s+förlänga|rätt\\s+att\\s+förlänga|överens\\s+om\\s+(?:en\\s+)?förlängning|förlängning\\s+(?:kan|ska)\\s+ske\\s+efter\\s+överenskommelse)\\b',
    notice: '\\b(?:säg\\w*\\s+upp|uppsägning\\w*|uppsäg\\w*|meddela\\w*)',
    terminateByNotice: '\\b(?:säg\\w*\\s+upp|uppsäg\\w*)',
    beforeEnd: '\\bföre\\s+(?:\\S+\\s+){0,4}?(?:\\S*(?:utgång|slut|upphörande))',
    noticePeriodIs:
      '\\buppsägningstid(?:en)?\\s+(?:är|om|på|uppgår\\s+till)\\b|\\buppsägningstid\\b',
    governingLaw: '\\b(?:tillämpas|tillämplig\\s+lag|ska\\s+regleras\\s+av|lyder\\s+under)\\b',
    forCause:
      '\\b(?:häva|hävning\\w*|hävas|väsentligt?\\s+avtalsbrott|avtalsbrott|konkurs\\w*|obestånd\\w*|rekonstruktion\\w*|försummelse\\w*)',
    condition: '\\b(?:om|ifall|för\\s+det\\s+fall|i\\s+händelse\\s+av)\\b',
    partyRoles:
      'beställare(?:n)?|leverantör(?:en)?|kund(?:en)?|köpare(?:n)?|säljare(?:n)?|hyresvärd(?:en)?|hyresgäst(?:en)?|uppdragsgivare(?:n)?|uppdragstagare(?:n)?|konsult(?:en)?|licensgivare(?:n)?|licenstagare(?:n)?|entreprenör(?:en)?|återförsäljare(?:n)?|arbetsgivare(?:n)?|kommun(?:en)?|region(?:en)?',
    businessId: '\\b(?:org\\.?\\s*nr\\.?|organisationsnummer|org\\.?\\s*nummer|orgnr)\\s*:?',
    // Any fee word ("abonnemangsavgift", "hyran", "värdet av ramavtalet", "arvode", "månadslön",
    // "verksamhetsbidrag", "budget"), not VAT or penalties.
    fee: '(?<![\\p{L}])(?![\\p{L}]*(?:mervärde|betalningsvillkor|dröjsmål|försäkring))([\\p{L}]*(?:avgift|ersättning|hyra|hyran|pris|priset|arvode|värde|värdet|volym|belopp|lön|bidrag|budget))[\\p{L}]*',
    paymentTerms:
      '\\b\\d{1,3}\\s*(?:\\(\\w+\\)\\s*)?dagar\\s+netto\\b|\\bbetalningsvillkor(?:et)?\\s*(?:är\\s+)?:?\\s*\\d{1,3}\\s*dagar(?:\\s+netto)?|\\binom\\s+\\d{1,3}\\s*dagar\\s+från\\s+fakturadatum\\b',
    otherSubject:
      'sekretess\\w*|ansvar\\w*|garanti\\w*|licens\\w*|försäkring\\w*|pris\\w*|provanställning\\w*|anställning\\w*|avrop\\w*|konkurrens\\w*|beställning\\w*',
    thisAgreement: '\\b(?:detta\\s+avtal|avtalet)\\b',
  },
};
