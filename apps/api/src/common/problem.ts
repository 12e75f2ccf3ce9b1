import type { FieldError } from '@cb/domain';
import type { Response } from 'express';

/** RFC 9457 problem details, as every error leaves the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: FieldError[];
  errorId?: string;
  /** `duplicate`: the contract that already holds the same file. */
  contractId?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(
  status: number,
  code: string,
  detail: string,
  instance: string,
  errors?: FieldError[],
): Problem {
  return {
    type: `https://contract-bank.dev/problems/${code.replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    instance,
    code,
    ...(errors && errors.length ? { errors } : {}),
  };
}

/** Answers with a problem document (for middleware that runs before Nest's exception filter). */
export function sendProblem(res: Response, body: Problem): void {
  res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
