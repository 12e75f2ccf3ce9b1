import { MailSendError } from '@cb/notifications';

/**
 * What a failed e-mail send means for its job: a permanent refusal (5xx), or any error on the job's last
 * attempt, is `failed` for good; anything else is retried with backoff.
 */
export function mailFailure(
  err: unknown,
  finalAttempt: boolean,
): { result: 'failed' | 'retry'; reason: string } {
  const reason = err instanceof Error ? err.message : String(err);
  const permanent = (err instanceof MailSendError && err.permanent) || finalAttempt;
  return { result: permanent ? 'failed' : 'retry', reason };
}
