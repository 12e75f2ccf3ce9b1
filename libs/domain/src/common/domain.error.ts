/** Stable machine-readable codes; the API maps each one to an HTTP status in one place. */
export enum DomainErrorCode {
  NotFound = 'not_found',
  Validation = 'validation_failed',
  Conflict = 'conflict',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  UnsupportedMediaType = 'unsupported_media_type',
  EmptyFile = 'empty_file',
  PayloadTooLarge = 'payload_too_large',
  SubscriptionRequired = 'subscription_required',
  PlanLimit = 'plan_limit',
  IdempotencyMismatch = 'idempotency_key_reused',
  RateLimited = 'rate_limited',
  InvalidState = 'invalid_state',
  /** A password that is too easy to guess or built from the account's own e-mail or company name. */
  WeakPassword = 'weak_password',
  /** The tenant requires multi-factor authentication and this user has not turned it on yet. */
  MfaEnrollmentRequired = 'mfa_enrollment_required',
  /** The password was right, and the account's second factor (`otp`) is missing or wrong. */
  MfaRequired = 'mfa_required',
  Duplicate = 'duplicate',
  /** The tenant signs in through its identity provider (SSO): password sign-in is refused. */
  SsoRequired = 'sso_required',
  /** No single sign-on is set up for this e-mail domain or tenant. */
  SsoNotConfigured = 'sso_not_configured',
  /** The sign-in's state is unknown, expired, already used or from another browser. */
  SsoStateInvalid = 'sso_state_invalid',
  /** The identity provider's answer failed validation (code exchange, ID token issuer, audience, nonce, expiry). */
  SsoRejected = 'sso_rejected',
  /** The identity provider gave no e-mail, or one it has not verified. */
  SsoEmailUnverified = 'sso_email_unverified',
  /** The person is not a member of the tenant and holds no pending invitation (or is outside its domains). */
  SsoNotInvited = 'sso_not_invited',
  /** An e-mail verification link that is unknown, already used or expired. */
  VerificationTokenInvalid = 'verification_token_invalid',
}

export interface FieldError {
  field: string;
  message: string;
}

/** Base class for every error a lib throws on purpose; never an HTTP exception. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(DomainErrorCode.NotFound, `${what} not found`);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, errors?: FieldError[]) {
    super(DomainErrorCode.Validation, message, errors);
  }
}

/** The tenant already holds a file with the same bytes (sha256): the existing contract is named. */
export class DuplicateError extends DomainError {
  constructor(
    readonly contractId: string,
    message = 'This file is already in the bank',
  ) {
    super(DomainErrorCode.Duplicate, message);
  }
}
