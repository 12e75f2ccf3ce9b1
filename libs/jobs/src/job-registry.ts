import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JOBS, jobsOnQueue } from './job-definitions';
import { isJobName, type JobName, type JobPayloads } from './job-payloads';
import { isFinalAttempt, jobPayload, logFailedAttempt } from './job-processing';
import type { QueueName } from './queue-names';

/** What a handler learns about the job besides its payload. */
export interface JobContext {
  /** This attempt is the job's last: a send error is then recorded as a permanent failure. */
  finalAttempt: boolean;
}

export type JobHandler<N extends JobName> = (
  payload: JobPayloads[N],
  ctx: JobContext,
) => Promise<unknown>;

/** A queue's handlers, typed per job name. */
export type JobHandlers = { [N in JobName]?: JobHandler<N> };

/** Called once a job has failed for good (its last attempt, or an unrecoverable error). */
export type FinalFailureHandlers = {
  [N in JobName]?: (payload: JobPayloads[N], reason: string) => Promise<void>;
};

export class JobRegistryError extends Error {}

/**
 * The worker's handler map. Each queue's processor registers its handlers; verify() (at boot, before any
 * worker takes a job) stops the process when a job name has no handler, has two, or is handled on the wrong
 * queue. dispatch() validates the payload (one place: parsePayload) and calls the handler.
 */
export class JobRegistry {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<
    JobName,
    { queue: QueueName; handler: JobHandler<JobName> }
  >();
  private readonly finalFailure = new Map<
    JobName,
    (payload: unknown, reason: string) => Promise<void>
  >();
  private readonly problems: string[] = [];

  register(
    queue: QueueName,
    handlers: JobHandlers,
    onFinalFailure: FinalFailureHandlers = {},
  ): void {
    for (const [name, handler] of Object.entries(handlers)) {
      if (!isJobName(name)) {
        this.problems.push(`${queue} registers unknown job ${name}`);
        continue;
      }
      if (JOBS[name].queue !== queue)
        this.problems.push(`${name} runs on ${JOBS[name].queue}, not ${queue}`);
      if (this.handlers.has(name)) this.problems.push(`two handlers for ${name}`);
      this.handlers.set(name, { queue, handler: handler as JobHandler<JobName> });
    }
    for (const [name, fn] of Object.entries(onFinalFailure)) {
      if (isJobName(name))
        this.finalFailure.set(name, fn as (p: unknown, r: string) => Promise<void>);
    }
  }

  /** Throws naming every job without exactly one handler on its queue. */
  verify(queues: readonly QueueName[]): void {
    const problems = [...this.problems];
    for (const queue of queues)
      for (const name of jobsOnQueue(queue))
        if (!this.handlers.has(name)) problems.push(`no handler for ${name} (queue ${queue})`);
    if (problems.length)
      throw new JobRegistryError(`Job handlers are wrong: ${problems.join('; ')}`);
  }

  async dispatch(queue: QueueName, job: Job): Promise<unknown> {
    const entry = isJobName(job.name) ? this.handlers.get(job.name) : undefined;
    if (!entry || entry.queue !== queue)
      throw new UnrecoverableError(`No handler for job ${job.name} on ${queue}`);
    const payload = jobPayload(job.name as JobName, job.data);
    return entry.handler(payload, { finalAttempt: isFinalAttempt(job) });
  }

  /** One log line per failed attempt; after the last one, the job's final-failure handler. */
  async failed(job: Job | undefined, err: Error): Promise<void> {
    logFailedAttempt(this.logger, job, err);
    if (!job || !isJobName(job.name)) return;
    const onFinal = this.finalFailure.get(job.name);
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (!onFinal || !final) return;
    try {
      await onFinal(jobPayload(job.name, job.data), err.message);
    } catch (e) {
      this.logger.error(
        { err: e, jobId: job.id },
        'Final-failure handler failed; a sweep will repair',
      );
    }
  }
}
