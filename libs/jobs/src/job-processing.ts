import type { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { InvalidPayloadError, parsePayload, type JobName, type JobPayloads } from './job-payloads';

/** A processor's view of parsePayload: a malformed payload never gets better, so the job fails for good. */
export function jobPayload<N extends JobName>(name: N, data: unknown): JobPayloads[N] {
  try {
    return parsePayload(name, data);
  } catch (err) {
    if (err instanceof InvalidPayloadError)
      throw new UnrecoverableError(`invalid payload: ${err.message}`);
    throw err;
  }
}

/** Whether the attempt now running is the job's last. */
export function isFinalAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * Turns a send or delivery outcome into the job's result: `retry` throws so BullMQ retries with backoff;
 * `failed` is already recorded on its row, so it throws UnrecoverableError (no retries); the rest is returned.
 */
export function settleOutcome<T extends { result: string }>(outcome: T): T {
  const reason = (outcome as { reason?: string }).reason ?? outcome.result;
  if (outcome.result === 'retry') throw new Error(reason);
  if (outcome.result === 'failed') throw new UnrecoverableError(reason);
  return outcome;
}

/** The one log line for a failed attempt (failed jobs are not always kept in Redis; see job-options). */
export function logFailedAttempt(logger: Logger, job: Job | undefined, err: Error): void {
  logger.warn(
    { job: job?.name, jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message },
    'Job attempt failed',
  );
}
