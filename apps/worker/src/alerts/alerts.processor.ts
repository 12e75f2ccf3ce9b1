import { Inject, Injectable } from '@nestjs/common';
import { RecordTenantAlerts, ScanAlerts } from '@cb/application';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { QUEUES } from '@cb/jobs';
import { QueueProcessor } from '../common/queue-processor';
import { WorkerJobs } from '../common/worker-jobs';

/** How many per-tenant alert jobs one worker runs at once (each is mostly waiting on PostgreSQL). */
export const ALERTS_CONCURRENCY = 8;

/**
 * The `alerts` queue: the scan tick, one-tenant refreshes after deadlines change, and the per-tenant jobs they
 * fan out. Sends are on `notifications`.
 */
@Injectable()
export class AlertsProcessor extends QueueProcessor {
  constructor(
    @Inject(WorkerJobs) jobs: WorkerJobs,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ScanAlerts) scan: ScanAlerts,
    @Inject(RecordTenantAlerts) recordAlerts: RecordTenantAlerts,
  ) {
    super(jobs, config, QUEUES.alerts, { concurrency: ALERTS_CONCURRENCY });
    this.handle({
      'alerts.scan': () => scan.execute(),
      'alerts.refresh': (p) => scan.executeForTenant(p.tenantId),
      'alerts.tenant': (p) => recordAlerts.execute(p),
    });
  }
}
