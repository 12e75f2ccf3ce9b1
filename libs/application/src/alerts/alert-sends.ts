import { MAX_ALERT_BATCH, type JobPublisher } from '@cb/jobs';

/** The first retry of an alert that failed inside a batch waits as long as alert.send's first backoff step. */
export const ALERT_RETRY_DELAY_MS = 5000;

/**
 * New alerts go out in batches (one job per tenant run and MAX_ALERT_BATCH alerts, instead of one job per
 * alert: at a million deadlines the per-alert jobs were a quarter of the scan).
 */
export async function enqueueAlertBatches(
  jobs: JobPublisher,
  tenantId: string,
  alertIds: readonly string[],
): Promise<void> {
  const batches = [];
  for (let i = 0; i < alertIds.length; i += MAX_ALERT_BATCH)
    batches.push({ tenantId, alertIds: alertIds.slice(i, i + MAX_ALERT_BATCH) });
  await jobs.publishAll('alerts.send', batches);
}

/**
 * Retries and recovered alerts get one job each, with a deterministic id, so a re-add while one is queued or
 * backing off is a no-op.
 */
export async function enqueueAlertSingles(
  jobs: JobPublisher,
  tenantId: string,
  alertIds: readonly string[],
  delayMs = 0,
): Promise<void> {
  await jobs.publishAll(
    'alert.send',
    alertIds.map((alertId) => ({ tenantId, alertId })),
    { delayMs },
  );
}
