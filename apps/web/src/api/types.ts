// The shapes of the public REST API v1, generated from docs/openapi.json (`npm run openapi` writes both):
// the UI is a client like any partner's integration, and its types never drift from what the API sends.
// Only names and the few runtime lists live here; every shape comes from ./schema.
import type { components } from './schema';

type Schemas = components['schemas'];

export type Contract = Schemas['ContractResponseDto'];
/** A contract in a list (GET /v1/contracts): no evidence, candidates or obligations unless expanded. */
export type ContractSummary = Schemas['ContractSummaryDto'];
export type ContractStatus = Contract['status'];
export type ContractTerms = Schemas['TermsDto'];
export type ContractDeadlines = Schemas['ContractDeadlinesDto'];
export type Obligation = Schemas['ObligationDto'];
export type EvidenceSpan = Schemas['EvidenceDto'];
export type Money = Schemas['MoneyDto'];
export type Party = Schemas['PartyDto'];
export type ContractEvent = Schemas['ContractEventDto'];
export type UpdateContract = Schemas['UpdateContractDto'];
export type ReviewReason = Schemas['ReviewReasonDto'];
export type TermCandidate = Schemas['CandidateDto'];
export type SetTermFromText = Schemas['SetTermFromTextDto'];
export type TextSettableField = SetTermFromText['field'];

export type User = Schemas['UserDto'] & { createdAt?: string };
export type Role = User['role'];
export type TeamMember = Schemas['TeamMemberDto'];
export type Tenant = Schemas['TenantRefDto'];
export type Me = Schemas['MeDto'];
export type TokenPair = Schemas['TokenPairDto'];
export type MfaStatus = Schemas['MfaStatusDto'];
export type MfaEnrolment = Schemas['MfaEnrolmentDto'];
export type RecoveryCodes = Schemas['RecoveryCodesDto'];
export type TenantSecurity = Schemas['TenantSecurityDto'];
export type SignupResponse = Schemas['SignupResponseDto'];

export type Subscription = Schemas['SubscriptionDto'];
export type SubscriptionStatus = Subscription['status'];
export type Deadline = Schemas['DeadlineDto'];
export type DeadlineKind = Deadline['kind'];
export type AlertSettings = Schemas['AlertSettingsResponseDto'];
export type AlertLanguage = AlertSettings['language'];
export type Alert = Schemas['AlertDto'];
export type AlertStatus = Alert['status'];
export type ApiKey = Schemas['ApiKeyDto'];
export type CreatedApiKey = Schemas['CreatedApiKeyDto'];
export type Webhook = Schemas['WebhookDto'];
export type CreatedWebhook = Schemas['CreatedWebhookDto'];
export type Invitation = Schemas['InvitationDto'];
export type AuditEvent = Schemas['AuditEventDto'];

/** Every paged list: `{ data, nextCursor }`. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** The term fields in the order the UI shows them (checked against the API's TermsDto). */
export const TERM_FIELDS = [
  'title',
  'parties',
  'agreementDate',
  'effectiveDate',
  'expirationDate',
  'perpetual',
  'initialTerm',
  'autoRenewal',
  'renewalTerm',
  'noticePeriod',
  'governingLaw',
  'terminationForConvenience',
  'contractValue',
  'paymentTerms',
] as const satisfies readonly (keyof ContractTerms)[];
export type TermField = (typeof TERM_FIELDS)[number];
// Compile-time: a term the API adds that the list above misses fails the build.
type MissingTermField = Exclude<keyof ContractTerms, TermField>;
export const NO_MISSING_TERM_FIELD: MissingTermField extends never ? true : never = true;
export type Import = Schemas['ImportDto'];
export type ImportItem = NonNullable<Import['items']>[number];
export type SsoConnection = Schemas['SsoConnectionDto'];
