import {
  NotFoundError,
  mergeTerms,
  noticeLetterDates,
  partyDetails,
  proposedCounterparty,
  termsInForce,
  type ContractTerms,
  type EvidenceSpan,
  type Party,
  type TermEvidence,
} from '@cb/domain';
import {
  LETTER_LANGUAGES,
  LETTER_MEDIA_TYPES,
  renderNoticeLetter,
  type LetterFormat,
  type LetterLanguage,
  type NoticeLetterKind,
} from '@cb/letters';
import type {
  ContractEntity,
  ContractsRepository,
  TenantDb,
  TenantsRepository,
  UsersRepository,
} from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { TenantCalendar } from '../calendar/tenant-calendar.service';
import { amendmentInput } from './contract-family';

export interface GetNoticeLetterInput {
  tenantId: string;
  actor: Actor;
  contractId: string;
  /** Default `pdf`. */
  format?: LetterFormat;
  /** Default: the contract's language when a letter can be written in it, else English. */
  language?: LetterLanguage;
  /** Default: `non-renewal` for an auto-renewing contract, else `termination`. */
  kind?: NoticeLetterKind;
}

export interface NoticeLetterFile {
  data: Buffer;
  mediaType: string;
  /** A download name such as `notice-of-non-renewal-lakeside-retail-oy-2026-12-02.pdf`. */
  fileName: string;
  format: LetterFormat;
  language: LetterLanguage;
  kind: NoticeLetterKind;
}

const SUBJECT_SLUG: Record<NoticeLetterKind, string> = {
  'non-renewal': 'notice-of-non-renewal',
  termination: 'notice-of-termination',
};

/**
 * A notice letter (non-renewal or termination) for one contract, filled in from what the contract says: both
 * parties (the counterparty as recipient, the tenant as sender signed by the requesting user) with the addresses
 * the text states beside their names, the title and date, the notice clause quoted from its evidence, the date
 * notice is due and the day the agreement ends (libs/domain `noticeLetterDates`, from the terms in force on the
 * tenant's today). Another tenant's contract is "not found". Rendered by `@cb/letters`.
 */
export class GetNoticeLetter {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly tenants: TenantsRepository,
    private readonly users: UsersRepository,
    private readonly calendar: TenantCalendar,
  ) {}

  async execute(input: GetNoticeLetterInput): Promise<NoticeLetterFile> {
    const { tenantId, contractId } = input;
    const gathered = await this.db.run(tenantId, async () => {
      const contract = await this.contracts.getWithText(tenantId, contractId);
      if (!contract) throw new NotFoundError('Contract');
      const today = await this.calendar.today(tenantId);
      const terms = mergeTerms(contract.extractedTerms, contract.userTerms);
      const family = contract.parentId
        ? []
        : await this.contracts.descendants(tenantId, contractId);
      const inForce = contract.parentId
        ? terms
        : termsInForce(terms, family.map(amendmentInput), today).terms;
      const tenant = await this.tenants.get(tenantId);
      const user =
        input.actor.type === 'user' && input.actor.id
          ? await this.users.findOne(tenantId, { id: input.actor.id })
          : null;
      return {
        contract,
        today,
        terms: inForce,
        tenantName: tenant?.name ?? '',
        userName: user?.name,
      };
    });
    const { contract, today, terms } = gathered;
    const dates = noticeLetterDates(terms, today);
    const kind = input.kind ?? dates.kind;
    const format = input.format ?? 'pdf';
    const language = input.language ?? letterLanguageOf(contract.language);
    const { recipient, us } = sides(contract, terms.parties ?? [], gathered.tenantName);
    const text = contract.text;
    const recipientDetails = partyDetails(
      text,
      recipient.name,
      nameEnds(contract.evidence, recipient.name),
    );
    const ourDetails = us
      ? partyDetails(text, us.name, nameEnds(contract.evidence, us.name))
      : null;
    const date = terms.agreementDate ?? terms.effectiveDate;
    const data = await renderNoticeLetter(
      {
        kind,
        sender: {
          name: gathered.tenantName || us?.name || '',
          address: ourDetails?.address ?? null,
          businessId: ourDetails?.businessId ?? null,
          signatory: { name: gathered.userName ?? null, title: null },
        },
        recipient: {
          name: recipient.name,
          address: recipientDetails.address,
          businessId: recipientDetails.businessId,
        },
        contract: {
          title: terms.title ?? contract.title,
          date,
          dateKind: terms.agreementDate ? 'agreement' : 'effective',
        },
        noticeClause: noticeClause(contract.evidence),
        noticePeriod: terms.noticePeriod,
        noticeDeadline: dates.noticeDeadline,
        endDate: dates.endDate,
        letterDate: today,
        place: null,
      },
      { format, language },
    );
    return {
      data,
      mediaType: LETTER_MEDIA_TYPES[format],
      fileName: `${SUBJECT_SLUG[kind]}-${slug(recipient.name ?? terms.title ?? contract.title ?? 'contract')}-${today}.${format}`,
      format,
      language,
      kind,
    };
  }
}

/** The letter's language by the contract's (en, fi, sv), else English. */
export function letterLanguageOf(language: string | null): LetterLanguage {
  return (LETTER_LANGUAGES as readonly string[]).includes(language ?? '')
    ? (language as LetterLanguage)
    : 'en';
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Who receives the letter (the counterparty: the contract's own field, else the party a parse proposes) and
 * which party is the tenant's side (the one named like the tenant, else the other party).
 */
function sides(
  contract: ContractEntity,
  parties: readonly Party[],
  tenantName: string,
): { recipient: { name: string | null }; us: Party | null } {
  const others = parties.filter((p) => !same(p.name, tenantName));
  const recipientName =
    contract.counterparty ?? proposedCounterparty(others.length ? others : parties);
  const us =
    parties.find((p) => same(p.name, tenantName)) ??
    parties.find((p) => !same(p.name, recipientName)) ??
    null;
  return { recipient: { name: recipientName }, us };
}

/** Where the extraction saw a party's name: the ends of its evidence spans that spell the name. */
function nameEnds(evidence: TermEvidence, name: string | null): number[] {
  return (evidence.parties ?? []).filter((s) => same(s.text, name)).map((s) => s.end);
}

const CLAUSE_FIELDS = [
  'noticePeriod',
  'autoRenewal',
  'renewalTerm',
] as const satisfies readonly (keyof ContractTerms)[];

/**
 * The notice clause to quote: the longest evidence span of the notice period, or a span of the renewal
 * terms that contains one (the whole sentence around "120 days"); else the longest renewal span.
 */
function noticeClause(evidence: TermEvidence): { text: string; page: number } | null {
  const notice = evidence.noticePeriod ?? [];
  const all = CLAUSE_FIELDS.flatMap((f) => evidence[f] ?? []);
  const containsNotice = (s: EvidenceSpan) =>
    notice.some((n) => n.page === s.page && s.start <= n.start && s.end >= n.end);
  const longest = (spans: EvidenceSpan[]) =>
    spans.reduce<EvidenceSpan | null>(
      (best, s) => (s.text?.trim() && (!best || s.text.length > best.text.length) ? s : best),
      null,
    );
  const chosen = longest(all.filter(containsNotice)) ?? longest(notice) ?? longest(all);
  return chosen ? { text: chosen.text, page: chosen.page } : null;
}

function slug(value: string): string {
  const ascii = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return ascii || 'contract';
}
