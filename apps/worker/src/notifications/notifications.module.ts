import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { AlertsRefreshQueue, QUEUES } from '@cb/jobs';
import { NotificationsModule } from '@cb/notifications';
import { AlertScanHandler } from './alert-scan.handler';
import { AlertScanSchedule } from './alert-scan.schedule';
import { AlertSendHandler } from './alert-send.handler';
import { AlertSendQueue } from './alert-send.queue';
import { AlertsProcessor } from './alerts.processor';
import { AlertTenantHandler } from './alert-tenant.handler';
import { ContractEventsHandler } from './contract-events.handler';
import { ContractEventsSchedule } from './contract-events.schedule';
import { DigestHandler } from './digest.handler';
import { NotificationsProcessor } from './notifications.processor';
import { WebhookDeliverHandler } from './webhook-deliver.handler';
import { WebhookEventsService } from './webhook-events.service';
import { WebhooksProcessor } from './webhooks.processor';

/**
 * The `alerts` queue (scan tick, per-tenant alert jobs), the `notifications` queue (alert and digest e-mails)
 * and the `webhooks` queue.
 */
@Module({})
export class NotificationsWorkerModule {
  static forRoot(options: { schedules?: boolean } = {}): DynamicModule {
    return {
      module: NotificationsWorkerModule,
      imports: [
        NotificationsModule,
        BullModule.registerQueue(
          { name: QUEUES.alerts },
          { name: QUEUES.notifications },
          { name: QUEUES.webhooks },
        ),
      ],
      providers: [
        AlertScanHandler,
        AlertTenantHandler,
        AlertSendHandler,
        AlertSendQueue,
        AlertsRefreshQueue,
        DigestHandler,
        AlertsProcessor,
        NotificationsProcessor,
        WebhookEventsService,
        WebhookDeliverHandler,
        WebhooksProcessor,
        ContractEventsHandler,
        ...(options.schedules === false ? [] : [AlertScanSchedule, ContractEventsSchedule]),
      ],
      exports: [
        AlertScanHandler,
        AlertTenantHandler,
        AlertSendHandler,
        AlertSendQueue,
        AlertsRefreshQueue,
        DigestHandler,
        WebhookEventsService,
        WebhookDeliverHandler,
        ContractEventsHandler,
      ],
    };
  }
}
