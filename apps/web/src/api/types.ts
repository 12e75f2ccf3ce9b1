// Shapes of the public REST API v1 (shared/spec/API.md). The UI is a client like any partner's integration.
export type Role = 'owner' | 'admin' | 'member' | 'viewer';
export type ContractStatus = 'processing' | 'parsed' | 'needs_review' | 'failed';
export type SubscriptionStatus = 'trialing' | 'active' | 'past_due' | 'canceled' | 'expired';
export type DeadlineKind = 'notice' | 'renewal' | 'expiration' | 'obligation';

export interface Money {
  amount: number;
  currency: string;
}
export interface Party {
  name: string;
  role: string | null;
}
export interface EvidenceSpan {
  page: number;
  start: number;
  end: number;
  text: string;
}

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
] as const;
export type TermField = (typeof TERM_FIELDS)[number];

export interface ContractTerms {
  title: string | null;
  parties: Party[] | null;
  agreementDate: string | null;
  effectiveDate: string | null;
  expirationDate: string | null;
  perpetual: boolean | null;
  initialTerm: string | null;
  autoRenewal: boolean | null;
  renewalTerm: string | null;
  noticePeriod: string | null;
  governingLaw: string | null;
  terminationForConvenience: boolean | null;
  contractValue: Money | null;
  paymentTerms: string | null;
}

export interface Obligation {
  id: string;
  party: string | null;
  kind: string;
  text: string;
  dueDate: string | null;
  recurrence: string | null;
  status?: string;
  evidence?: EvidenceSpan[];
}

export interface ContractDeadlines {
  noticeDeadline: string | null;
  nextRenewalDate: string | null;
  expirationDate: string | null;
}

export interface Contract {
  id: string;
  title: string | null;
  status: ContractStatus;
  error: { code: string; message: string } | null;
  counterparty: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  file: {
    name: string;
    size: number;
    sha256: string;
    mediaType: string;
    pages: number | null;
  } | null;
  terms: Partial<ContractTerms> | null;
  evidence: Partial<Record<TermField, EvidenceSpan[]>> | null;
  termSources: Partial<Record<TermField, 'extracted' | 'user'>> | null;
  deadlines: Partial<ContractDeadlines> | null;
  obligations: Obligation[] | null;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt?: string;
}
export interface Tenant {
  id: string;
  name: string;
}
export interface Me {
  user: User;
  tenant: Tenant;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn?: number;
}

export interface Subscription {
  plan: string | null;
  status: SubscriptionStatus;
  trialEndsAt: string | null;
  currentPeriodEnd: string | null;
  limits?: { contracts: number | null; users: number | null };
  usage?: { contracts: number; users: number };
}

export interface Deadline {
  contractId: string;
  contractTitle: string | null;
  kind: DeadlineKind;
  date: string;
  obligationId?: string;
}

export interface AlertSettings {
  leadDays: number[];
  /** The configured list, or the owners and admins when none is configured (recipientsAreDefault). */
  recipients: string[];
  recipientsAreDefault?: boolean;
  timezone: string;
  /** The language of alert and digest e-mails. */
  language: AlertLanguage;
}

export type AlertLanguage = 'en' | 'fi' | 'sv';

export type AlertStatus = 'pending' | 'sent' | 'failed' | 'canceled';

/** One row of the alert log (GET /v1/alerts): a deadline reminder to one recipient. */
export interface Alert {
  id: string;
  contractId: string;
  /** The contract's title now (its file name when untitled); null once the contract is deleted. */
  contractTitle: string | null;
  obligationId?: string;
  kind: DeadlineKind;
  /** The deadline the alert is about (YYYY-MM-DD). */
  deadline: string;
  /** How many days before the deadline it was due. */
  leadDays: number;
  channel: 'email' | 'webhook';
  recipient: string;
  status: AlertStatus;
  sentAt: string | null;
  /** Why it failed or was canceled; on a pending alert, why the last try did not go through. */
  error: string | null;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  key?: string;
}

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  secret?: string;
  createdAt?: string;
}

export interface AuditEvent {
  id: string;
  action?: string;
  type?: string;
  actor?: { id?: string; name?: string; email?: string } | string | null;
  actorName?: string | null;
  createdAt?: string;
  occurredAt?: string;
  summary?: string;
  details?: unknown;
}
