import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { QUEUES, jobPayload, logFailedAttempt } from '@cb/jobs';
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
    switch (job.name) {
      case 'alerts.scan':
        jobPayload('alerts.scan', job.data);
        return this.scanner.scan();
      case 'alerts.refresh':
        return this.scanner.scanTenant(jobPayload('alerts.refresh', job.data).tenantId);
      case 'alerts.tenant':
        return this.tenants.run(jobPayload('alerts.tenant', job.data));
      default:
        throw new UnrecoverableError(`No handler for job ${job.name}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    logFailedAttempt(this.logger, job, err);
  }
}
