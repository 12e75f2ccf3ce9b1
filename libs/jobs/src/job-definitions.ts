import type { JobsOptions } from 'bullmq';
import {
  alertSendJobId,
  alertsSendJobId,
  alertsTenantJobId,
  contractEventJobId,
  digestSendJobId,
  importExpandJobId,
  parseJobId,
  webhookDeliverJobId,
  type JobName,
  type JobPayloads,
} from './job-payloads';
import { QUEUES, type QueueName } from './queue-names';

/** Everything the publisher and the worker need to know about one job. */
export interface JobDefinition<N extends JobName> {
  queue: QueueName;
  /** Retries (attempts with exponential backoff) and how many finished jobs Redis keeps. */
  options: JobsOptions;
  /**
   * The deterministic job id: a second enqueue of the same work is a no-op while the first is queued. Absent
   * for ticks and refreshes, which BullMQ numbers itself.
   */
  id?: (payload: JobPayloads[N]) => string;
}

const TICK: JobsOptions = {
  attempts: 1,
  removeOnComplete: { count: 10 },
  removeOnFail: { count: 100 },
};
const HOURLY_RETRIES: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: { count: 10 },
  removeOnFail: { count: 100 },
};

/** The one table of jobs: queue, id and retry options per job name. */
export const JOBS: { [N in JobName]: JobDefinition<N> } = {
  'contract.parse': {
    queue: QUEUES.documentExtraction,
    id: parseJobId,
    options: {
      attempts: 4,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    },
  },
  'contracts.sweep': { queue: QUEUES.maintenance, options: TICK },
  // Each consumer is idempotent (deliveries keyed per endpoint, refreshes harmless), so retries are safe.
  'contract-event.publish': {
    queue: QUEUES.contractEvents,
    id: contractEventJobId,
    options: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 1000 },
    },
  },
  'contract-events.sweep': { queue: QUEUES.contractEvents, options: TICK },
  'subscriptions.check': { queue: QUEUES.maintenance, options: HOURLY_RETRIES },
  'deadlines.refresh': { queue: QUEUES.maintenance, options: HOURLY_RETRIES },
  'alerts.scan': { queue: QUEUES.alerts, options: TICK },
  // Best effort: the hourly scan catches whatever a lost refresh would have found.
  'alerts.refresh': {
    queue: QUEUES.alerts,
    options: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: true,
      removeOnFail: { count: 100 },
    },
  },
  // Removed when done or failed, so the next tick can run the tenant again the same day (after a correction,
  // or after an outage outlasted the retries); the alert log's unique key, not the job id, keeps each alert
  // to one send. Failures are logged by the worker.
  'alerts.tenant': {
    queue: QUEUES.alerts,
    id: alertsTenantJobId,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: true,
      removeOnFail: true,
    },
  },
  // A batch retries as a whole (sent alerts are skipped); an alert that fails inside it moves to its own
  // alert.send job with the per-alert backoff below.
  'alerts.send': {
    queue: QUEUES.notifications,
    id: alertsSendJobId,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: true,
      removeOnFail: { count: 1000 },
    },
  },
  // About 85 min of retries (5 s, 10 s, ... doubling, 10 retries) before an alert is recorded as failed.
  'alert.send': {
    queue: QUEUES.notifications,
    id: alertSendJobId,
    options: {
      attempts: 11,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: { count: 5000 },
      removeOnFail: { count: 5000 },
    },
  },
  'digest.send': {
    queue: QUEUES.notifications,
    id: digestSendJobId,
    options: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 10000 },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 1000 },
    },
  },
  // Standard Webhooks practice: retry with exponential backoff for about a day (40 s doubling, 11 retries ≈ 23 h).
  'webhook.deliver': {
    queue: QUEUES.webhooks,
    id: webhookDeliverJobId,
    options: {
      attempts: 12,
      backoff: { type: 'exponential', delay: 40_000 },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    },
  },
  'webhooks.recover': { queue: QUEUES.webhooks, options: TICK },
  // Resumable (each entry is decided once, in its own transaction), so retries continue where it stopped.
  'import.expand': {
    queue: QUEUES.imports,
    id: importExpandJobId,
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: { count: 100 },
      removeOnFail: { count: 1000 },
    },
  },
  'imports.sweep': { queue: QUEUES.maintenance, options: TICK },
  'search.common-words': { queue: QUEUES.maintenance, options: TICK },
};

/** The job names that run on `queue`. */
export function jobsOnQueue(queue: QueueName): JobName[] {
  return (Object.keys(JOBS) as JobName[]).filter((name) => JOBS[name].queue === queue);
}

/** How long a contract may stay `processing` before the sweeper re-enqueues it. */
export const STUCK_AFTER_MS = 2 * 60_000;
/** After this many enqueues without a result, the sweeper gives up and marks the contract failed. */
export const MAX_PARSE_ENQUEUES = 5;
/** A contract event not handed over this long after its commit lost its publish job: the sweep hands it over. */
export const UNPUBLISHED_EVENT_AFTER_MS = 30_000;
/** An import whose entries have not moved this long lost its job (a worker dies, its lock expires sooner). */
export const IMPORT_IDLE_AFTER_MS = 5 * 60_000;
/** A pending webhook delivery without an attempt this long after it was recorded lost its job. */
export const LOST_DELIVERY_AFTER_MS = 60_000;

/**
 * The repeatable jobs the worker registers at boot (an upsert by name, so many workers register one each),
 * with their period; `alerts.scan` follows ALERT_SCAN_INTERVAL_MS.
 */
export const SCHEDULES = {
  'contracts.sweep': 60_000,
  'contract-events.sweep': 30_000,
  // Deadlines are rolled forward a few times a day, so every time zone's new day is covered.
  'deadlines.refresh': 6 * 3_600_000,
  // Trials end and reminders go out within the hour.
  'subscriptions.check': 3_600_000,
  'webhooks.recover': 60_000,
  'imports.sweep': 60_000,
  // ANALYZE (autovacuum) keeps the statistics; a word becomes common or not slowly.
  'search.common-words': 3_600_000,
  'alerts.scan': 'alertScanIntervalMs',
} as const satisfies Partial<Record<JobName, number | 'alertScanIntervalMs'>>;

/**
 * Schedulers of earlier releases, removed at boot so an upgraded deployment does not run them: the alert
 * scan used to tick on `notifications`, and finished parses were found by a 10-second poll on `webhooks`
 * (replaced by the contract_events outbox).
 */
export const RETIRED_SCHEDULES: readonly { queue: QueueName; id: string }[] = [
  { queue: QUEUES.notifications, id: 'alerts.scan' },
  { queue: QUEUES.webhooks, id: 'webhooks.contracts' },
];
