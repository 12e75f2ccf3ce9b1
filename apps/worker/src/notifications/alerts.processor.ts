import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InvalidPayloadError, QUEUES, parsePayload } from '@cb/jobs';
import { UnrecoverableError, type Job } from 'bullmq';
import { AlertScanHandler } from './alert-scan.handler';
import { AlertTenantHandler } from './alert-tenant.handler';

/** How many per-tenant alert jobs one worker runs at once (each is mostly waiting on PostgreSQL). */
export const ALERTS_CONCURRENCY = 8;

/**
 * The `alerts` queue: the scan tick, one-tenant refreshes after deadlines change, and the per-tenant jobs they
 * fan out. Sends are on `notifications`.
 */
@Processor(QUEUES.alerts, { concurrency: ALERTS_CONCURRENCY })
export class AlertsProcessor extends WorkerHost {
  private readonly logger = new Logger(AlertsProcessor.name);

  constructor(
    private readonly scanner: AlertScanHandler,
    private readonly tenants: AlertTenantHandler,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    try {
      switch (job.name) {
        case 'alerts.scan':
          parsePayload('alerts.scan', job.data);
          return await this.scanner.scan();
        case 'alerts.refresh':
          return await this.scanner.scanTenant(parsePayload('alerts.refresh', job.data).tenantId);
        case 'alerts.tenant':
          return await this.tenants.run(parsePayload('alerts.tenant', job.data));
        default:
          throw new UnrecoverableError(`No handler for job ${job.name}`);
      }
    } catch (err) {
      if (err instanceof InvalidPayloadError)
        throw new UnrecoverableError(`invalid payload: ${err.message}`);
      throw err;
    }
  }

  /** Every failed attempt is logged (failed tenant jobs are not kept in Redis; see job-options). */
  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn(
      { job: job?.name, jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message },
      'Job attempt failed',
    );
  }
}
