import { randomUUID } from 'node:crypto';
import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { DomainError, DomainErrorCode, DuplicateError } from '@cb/domain';
import { isDatabaseBusy } from '@cb/persistence';
import type { Request, Response } from 'express';
import { redactPath } from '../log-redaction';
import { requestTransactionOf } from '../request-transaction';
import { PROBLEM_CONTENT_TYPE, problem, type Problem } from '../problem';

/** Maps every domain error code to its HTTP status (exhaustive: a new code fails the build). */
export function statusOf(code: DomainErrorCode): number {
  switch (code) {
    case DomainErrorCode.NotFound:
      return 404;
    case DomainErrorCode.Validation:
      return 400;
    case DomainErrorCode.EmptyFile:
      return 400;
    case DomainErrorCode.Conflict:
      return 409;
    case DomainErrorCode.Unauthenticated:
      return 401;
    case DomainErrorCode.Forbidden:
      return 403;
    case DomainErrorCode.UnsupportedMediaType:
      return 415;
    case DomainErrorCode.PayloadTooLarge:
      return 413;
    case DomainErrorCode.SubscriptionRequired:
    case DomainErrorCode.PlanLimit:
      return 402;
    case DomainErrorCode.IdempotencyMismatch:
      return 422;
    case DomainErrorCode.RateLimited:
      return 429;
    case DomainErrorCode.InvalidState:
    case DomainErrorCode.Duplicate:
      return 409;
    case DomainErrorCode.WeakPassword:
      return 400;
    case DomainErrorCode.MfaEnrollmentRequired:
    case DomainErrorCode.SsoRequired:
    case DomainErrorCode.SsoEmailUnverified:
    case DomainErrorCode.SsoNotInvited:
      return 403;
    case DomainErrorCode.SsoNotConfigured:
      return 404;
    case DomainErrorCode.SsoStateInvalid:
    case DomainErrorCode.VerificationTokenInvalid:
      return 400;
    case DomainErrorCode.MfaRequired:
    case DomainErrorCode.SsoRejected:
      return 401;
  }
}

const HTTP_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** The one place errors become responses: RFC 9457 problem+json, and no stack trace ever. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const body = this.toProblem(exception, req);
    // A read request's shared transaction is rolled back (and its connection released) before the answer.
    const tx = requestTransactionOf(req);
    if (tx) {
      void tx
        .end(false)
        .catch(() => undefined)
        .then(() => this.send(res, body, exception))
        .catch((err: unknown) => this.logger.error({ err }, 'Could not send an error response'));
      return;
    }
    this.send(res, body, exception);
  }

  private send(res: Response, body: Problem, exception: unknown): void {
    if (res.headersSent) {
      res.end();
      return;
    }
    const retryAfter =
      body.status === 503 ? 1 : (exception as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
    res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(exception: unknown, req: Request): Problem {
    const instance = req.originalUrl?.split('?')[0] ?? req.url;
    if (exception instanceof DuplicateError) {
      return {
        ...problem(409, exception.code, exception.message, instance),
        contractId: exception.contractId,
      };
    }
    if (exception instanceof DomainError) {
      return problem(
        statusOf(exception.code),
        exception.code,
        exception.message,
        instance,
        exception.errors,
      );
    }
    const bodyParserType = (exception as { type?: string }).type;
    if (bodyParserType === 'entity.parse.failed') {
      return problem(400, 'malformed_json', 'The request body is not valid JSON', instance);
    }
    if (bodyParserType === 'entity.too.large') {
      return problem(413, 'payload_too_large', 'The request body is too large', instance);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500) {
        const detail =
          status === 404 && exception.message.startsWith('Cannot ')
            ? `No route for ${req.method} ${instance}`
            : exception.message;
        return problem(status, HTTP_CODES[status] ?? 'error', detail, instance);
      }
    }
    if (isDatabaseBusy(exception)) {
      // Not a fault: every connection is busy. The client retries after Retry-After (set in catch).
      return problem(
        503,
        'overloaded',
        'The service is busy; retry after the time in Retry-After',
        instance,
      );
    }
    const errorId = randomUUID();
    this.logger.error(
      { errorId, err: exception, path: redactPath(instance), method: req.method },
      'Unhandled error',
    );
    return {
      ...problem(
        500,
        'internal_error',
        `Something went wrong on our side. Quote errorId ${errorId} to support.`,
        instance,
      ),
      errorId,
    };
  }
}
