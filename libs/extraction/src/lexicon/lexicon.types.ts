/** The languages the engine reads. Anything else is detected and reported, never read with the wrong rules. */
export const READ_LANGUAGES = ['en', 'fi', 'sv'] as const;
export type ReadLanguage = (typeof READ_LANGUAGES)[number];

import type { ObligationKind } from '@cb/domain';

export type DurationUnit = 'D' | 'W' | 'M' | 'Y';

/**
 * Everything language-specific that the parsers and field extractors need: words, word forms and the
 * cue phrases of each clause. Adding a language is adding one of these (and tests), not editing the finders.
 * Patterns are RegExp sources, matched case-insensitively against the flattened text.
 */
export interface Lexicon {
  readonly language: ReadLanguage;
  /** Month names and their inflected forms (lower case) → 1..12. */
  readonly months: Readonly<Record<string, number>>;
  /** How an all-numeric date is read: "3/1/2019" is 1 March in the US, "1.3.2019" is 1 March in the Nordics. */
  readonly dateOrder: 'month-first' | 'day-first';
  /** Written numbers and their inflected forms (lower case) → value; digits are always read. */
  readonly numberWords: Readonly<Record<string, number>>;
  /** Unit words (RegExp source of one unit's word forms) → ISO unit. Order matters: first match wins. */
  readonly durationUnits: ReadonlyArray<readonly [string, DurationUnit]>;
  /** Words that stand for "1 <unit>" on their own ("vuoden kerrallaan", "ett år i taget"). */
  readonly singleUnitWords: ReadonlyArray<readonly [string, DurationUnit]>;
  /** Words the name of a contract contains ("agreement", "sopimus", "avtal"). */
  readonly documentWords: string;
  /** How the language names a jurisdiction's law ("Suomen" → Finland, "svensk" → Sweden), lower case. */
  readonly lawNames: Readonly<Record<string, string>>;
  /** Obligation verbs per kind (RegExp sources, after the subject and the modal). */
  readonly obligationKinds: ReadonlyArray<readonly [ObligationKind, string]>;
  /** What joins the obligor to the duty ("shall", "sitoutuu", "ska"). */
  readonly obligationModal: string;
  /** "each party", "kumpikin osapuoli", "vardera parten". */
  readonly eachParty: string;
  /** Clause cues, each a RegExp source; see the field extractors for how each is used. */
  readonly cues: LexiconCues;
}

/** Cue phrases per clause (RegExp sources). Missing cues mean the language-specific extractor covers it. */
export interface LexiconCues {
  /** Before a date the agreement is dated or signed: "dated", "Helsingissä", "Stockholm den". */
  agreementDate: string;
  /** A place name written before the date where the parties sign ("Helsingissä", "Stockholm den"). */
  signaturePlace: string;
  /** Before a date the agreement takes effect from: "tulee voimaan", "träder i kraft". */
  effectiveFrom: string;
  /** After a date the agreement takes effect from: "alkaen", "lukien". */
  effectiveFromAfter: string;
  /** Before the end date of the term: "päättyy", "till och med". */
  endsOn: string;
  /** After the end date: "saakka", "asti". */
  endsOnAfter: string;
  /** The term clause's subject: "sopimus on voimassa", "avtalet gäller". */
  termSubject: string;
  /** Fixed-term wording before a duration: "määräaikainen", "för en period av". */
  fixedTerm: string;
  /** No fixed end: "toistaiseksi", "tills vidare". */
  indefinite: string;
  /** Automatic renewal: "jatkuu", "förlängs". */
  autoRenewal: string;
  /** "at a time" after the renewal length: "kerrallaan", "i taget", "åt gången". */
  renewalEach: string;
  /** Renewal that needs an option or an agreement: "voidaan jatkaa", "kan förlängas". */
  optionRenewal: string;
  /** Notice words: "irtisano", "sägs upp", "uppsägning", "ilmoittaa". */
  notice: string;
  /** Ending the contract by notice (not rescission for cause): "irtisanoa", "säga upp". */
  terminateByNotice: string;
  /** Before the end of the term: "ennen ... päättymistä", "före avtalstidens utgång". */
  beforeEnd: string;
  /** "the notice period is": "irtisanomisaika on", "uppsägningstiden är". */
  noticePeriodIs: string;
  /** Governing-law sentence: "sovelletaan", "tillämpas". */
  governingLaw: string;
  /** Termination for cause words ("purkaa", "häva", "olennainen rikkomus"). */
  forCause: string;
  /** A condition before a right ("jos", "om", "mikäli"). */
  condition: string;
  /** Party roles written as labels ("Tilaaja", "Leverantör"). */
  partyRoles: string;
  /** Business id labels ("Y-tunnus", "org.nr"). */
  businessId: string;
  /** Fee words ("vuosimaksu", "årsavgift"); captured group 1 is the period word. */
  fee: string;
  /** Payment terms ("14 päivää netto", "30 dagar netto"). */
  paymentTerms: string;
  /** Subjects of sentences that state how long something else lasts (confidentiality, a warranty, prices). */
  otherSubject: string;
  /** Words that start a sentence with the agreement as subject ("this agreement", "tämä sopimus"). */
  thisAgreement: string;
}
