import { DomainError, DomainErrorCode } from '@cb/domain';

/** 429; the problem filter turns `retryAfterSeconds` into a Retry-After header. */
export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(DomainErrorCode.RateLimited, `Too many requests; retry in ${retryAfterSeconds} s`);
  }
}
