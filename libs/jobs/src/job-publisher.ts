import { Logger } from '@nestjs/common';
import { Queue, type JobsOptions, type JobState } from 'bullmq';
import { enqueueWithin } from './enqueue-within';
import { JOBS } from './job-definitions';
import type { JobName, JobPayloads } from './job-payloads';
import { throttledQueueErrorLog } from './queue-error-log';
import type { QueueName } from './queue-names';
import { redisConnectionOptions } from './redis-connection';

export interface PublishOptions {
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /**
   * A new job even while one with the same deterministic id is queued or running (its id gets this suffix).
   * For a refresh that must not be swallowed by a job that may have read the data before the change.
   */
  idSuffix?: string;
}

/** How long a best-effort enqueue waits for Redis before the caller goes on (see tryPublish). */
export const ENQUEUE_TIMEOUT_MS = 3000;

/**
 * The one way to enqueue work: it knows each job's queue, deterministic id and retry options (JOBS), so a
 * caller only names the job and its payload. Queues are opened on first use and closed at shutdown.
 */
export class JobPublisher {
  private readonly logger = new Logger(JobPublisher.name);
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly connection: { redisUrl: string; queuePrefix: string }) {}

  async publish<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    opts: PublishOptions = {},
  ): Promise<void> {
    await this.queue(JOBS[name].queue).add(name, payload, this.options(name, payload, opts));
  }

  /** Many jobs of one kind in one round trip. */
  async publishAll<N extends JobName>(
    name: N,
    payloads: readonly JobPayloads[N][],
    opts: PublishOptions = {},
  ): Promise<void> {
    if (payloads.length === 0) return;
    await this.queue(JOBS[name].queue).addBulk(
      payloads.map((data) => ({ name, data, opts: this.options(name, data, opts) })),
    );
  }

  /**
   * Enqueues after a commit when losing the job is tolerable because a sweep or a tick repairs it (the parse of
   * an upload accepted while Redis is down, an alert refresh). Waits at most ENQUEUE_TIMEOUT_MS, never throws;
   * returns whether the job was enqueued.
   */
  async tryPublish<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    opts: PublishOptions = {},
  ): Promise<boolean> {
    try {
      await enqueueWithin(this.publish(name, payload, opts), ENQUEUE_TIMEOUT_MS);
      return true;
    } catch (err) {
      this.logger.warn(
        { err, job: name },
        'Could not enqueue; a sweep or the next tick will repair it',
      );
      return false;
    }
  }

  /** The state of the job a payload maps to (by its deterministic id), or 'missing'. */
  async state<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
  ): Promise<JobState | 'unknown' | 'missing'> {
    const job = await this.queue(JOBS[name].queue).getJob(this.jobId(name, payload));
    return job ? job.getState() : 'missing';
  }

  /** Removes a finished job so that the same id can be enqueued again. */
  async discard<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void> {
    const job = await this.queue(JOBS[name].queue).getJob(this.jobId(name, payload));
    await job?.remove().catch(() => undefined);
  }

  /** Registers a repeatable job (an upsert by name: many workers register one). */
  async schedule(name: JobName, everyMs: number): Promise<void> {
    await this.queue(JOBS[name].queue).upsertJobScheduler(
      name,
      { every: everyMs },
      { name, data: {}, opts: JOBS[name].options },
    );
  }

  async unschedule(queue: QueueName, schedulerId: string): Promise<void> {
    await this.queue(queue).removeJobScheduler(schedulerId);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }

  private jobId<N extends JobName>(name: N, payload: JobPayloads[N]): string {
    const id = JOBS[name].id;
    if (!id) throw new Error(`job ${name} has no deterministic id`);
    return id(payload);
  }

  private options<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    opts: PublishOptions,
  ): JobsOptions {
    const def = JOBS[name];
    const id = def.id?.(payload);
    return {
      ...def.options,
      ...(id ? { jobId: opts.idSuffix ? `${id}.${opts.idSuffix}` : id } : {}),
      ...(opts.delayMs ? { delay: opts.delayMs } : {}),
    };
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: redisConnectionOptions(this.connection.redisUrl),
        prefix: this.connection.queuePrefix,
      });
      queue.on('error', throttledQueueErrorLog(this.logger, name));
      this.queues.set(name, queue);
    }
    return queue;
  }
}
