import type { JobsOptions } from 'bullmq';
import type { JobName } from './job-payloads';

/** Retries per job type: attempts with exponential backoff; failed jobs are kept for inspection. */
export const JOB_OPTIONS: Record<JobName, JobsOptions> = {
  'contract.parse': {
    attempts: 4,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 5000 },
  },
  'contracts.sweep': { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } },
  'subscriptions.check': {
    attempts: 3,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: { count: 10 },
    removeOnFail: { count: 100 },
  },
  'deadlines.refresh': {
    attempts: 3,
    backoff: { type: 'exponential', delay: 60_000 },
    removeOnComplete: { count: 10 },
    removeOnFail: { count: 100 },
  },
  'alerts.scan': { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } },
  // Best effort: the hourly scan catches whatever a lost refresh would have found.
  'alerts.refresh': {
    attempts: 3,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: true,
    removeOnFail: { count: 100 },
  },
  // Removed when done or failed, so the next tick can run the tenant again the same day (after a correction,
  // or after an outage outlasted the retries); the alert log's unique key, not the job id, keeps each alert
  // to one send. Failures are logged by the worker.
  'alerts.tenant': {
    attempts: 5,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: true,
    removeOnFail: true,
  },
  // A batch retries as a whole (sent alerts are skipped); an alert that fails inside it moves to its own
  // alert.send job with the per-alert backoff below.
  'alerts.send': {
    attempts: 5,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: true,
    removeOnFail: { count: 1000 },
  },
  // About 85 min of retries (5 s, 10 s, ... doubling, 10 retries) before an alert is recorded as failed.
  'alert.send': {
    attempts: 11,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: { count: 5000 },
    removeOnFail: { count: 5000 },
  },
  'digest.send': {
    attempts: 8,
    backoff: { type: 'exponential', delay: 10000 },
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 1000 },
  },
  // Standard Webhooks practice: retry with exponential backoff for about a day (40 s doubling, 11 retries ≈ 23 h).
  'webhook.deliver': {
    attempts: 12,
    backoff: { type: 'exponential', delay: 40_000 },
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 5000 },
  },
  'webhooks.contracts': {
    attempts: 1,
    removeOnComplete: { count: 10 },
    removeOnFail: { count: 100 },
  },
};

/** How long a contract may stay `processing` before the sweeper re-enqueues it. */
export const STUCK_AFTER_MS = 2 * 60_000;
/** After this many enqueues without a result, the sweeper gives up and marks the contract failed. */
export const MAX_PARSE_ENQUEUES = 5;
export const SWEEP_EVERY_MS = 60_000;
/** Deadlines are rolled forward a few times a day, so every time zone's new day is covered. */
export const DEADLINE_REFRESH_EVERY_MS = 6 * 3_600_000;
/** Trials end and reminders go out within the hour. */
export const SUBSCRIPTION_CHECK_EVERY_MS = 3_600_000;
/** How often finished parses are turned into contract.parsed / contract.failed webhook events. */
export const CONTRACT_EVENTS_EVERY_MS = 10_000;
