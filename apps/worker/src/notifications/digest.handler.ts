import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import {
  DEFAULT_ALERT_LANGUAGE,
  DEFAULT_ALERT_SETTINGS,
  addDays,
  isValidTimeZone,
  todayInTimeZone,
  type IsoDate,
} from '@cb/domain';
import { JOB_OPTIONS, QUEUES, digestSendJobId, type JobPayloads } from '@cb/jobs';
import { MAILER, MailSendError, renderDigestEmail, type Mailer } from '@cb/notifications';
import { AlertDigestsRepository, AlertSettingsRepository, TenantDb } from '@cb/persistence';
import type { Queue } from 'bullmq';

/** The digest covers this many days ahead. */
export const DIGEST_DAYS = 30;
const DIGEST_MAX_ITEMS = 200;

/** Monday of the ISO week that contains `date`. */
export function weekStart(date: IsoDate): IsoDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

export type DigestSendOutcome =
  { result: 'sent' | 'skipped' } | { result: 'failed' | 'retry'; reason: string };

/**
 * The weekly digest: one row per (recipient, week) in alert_digests, inserted with ON CONFLICT DO NOTHING by
 * the first tenant run of the week, so it goes out once per week and a missed Monday catches up later that
 * week. Sending locks the row exactly like an alert send.
 */
@Injectable()
export class DigestHandler {
  private readonly logger = new Logger(DigestHandler.name);

  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(AlertDigestsRepository) private readonly digests: AlertDigestsRepository,
    @Inject(AlertSettingsRepository) private readonly settings: AlertSettingsRepository,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
  ) {}

  /**
   * Records this week's digests for recipients who have deadlines coming; returns the ids created. Joins the
   * caller's tenant transaction if there is one: enqueue() only after it commits.
   */
  async record(tenantId: string, today: IsoDate, recipients: string[]): Promise<string[]> {
    return this.digests.insertIfUpcoming(
      tenantId,
      recipients,
      weekStart(today),
      today,
      addDays(today, DIGEST_DAYS),
    );
  }

  async enqueue(tenantId: string, digestIds: string[]): Promise<void> {
    if (digestIds.length === 0) return;
    await this.queue.addBulk(
      digestIds.map((digestId) => {
        const data: JobPayloads['digest.send'] = { tenantId, digestId };
        return {
          name: 'digest.send',
          data,
          opts: { ...JOB_OPTIONS['digest.send'], jobId: digestSendJobId(data) },
        };
      }),
    );
  }

  async send(
    p: JobPayloads['digest.send'],
    opts: { finalAttempt: boolean; now?: Date },
  ): Promise<DigestSendOutcome> {
    const stored = await this.settings.get(p.tenantId);
    const timezone =
      stored && isValidTimeZone(stored.timezone)
        ? stored.timezone
        : DEFAULT_ALERT_SETTINGS.timezone;
    const today = todayInTimeZone(timezone, opts.now ?? new Date());
    const language = stored?.language ?? DEFAULT_ALERT_LANGUAGE;
    const outcome = await this.db.run(p.tenantId, async (): Promise<DigestSendOutcome> => {
      const digest = await this.digests.lockForSend(p.tenantId, p.digestId);
      if (!digest || digest.status !== 'pending') return { result: 'skipped' };
      // The list as of sending time, from the later of the week start and today.
      const from = today > digest.weekStart ? today : digest.weekStart;
      const items = await this.digests.deadlinesBetween(
        p.tenantId,
        from,
        addDays(from, DIGEST_DAYS),
        DIGEST_MAX_ITEMS,
      );
      const message = renderDigestEmail({
        today: from,
        days: DIGEST_DAYS,
        items,
        appUrl: this.config.appUrl,
        language,
      });
      try {
        await this.mailer.send({
          to: digest.recipient,
          ...message,
          messageId: `<digest-${digest.id}@contract-bank>`,
        });
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        return {
          result:
            (err instanceof MailSendError && err.permanent) || opts.finalAttempt
              ? 'failed'
              : 'retry',
          reason,
        };
      }
      await this.digests.finish(p.tenantId, digest.id, 'sent', null);
      return { result: 'sent' };
    });
    if (outcome.result === 'failed') {
      await this.digests.finish(p.tenantId, p.digestId, 'failed', outcome.reason);
      this.logger.warn(
        { tenantId: p.tenantId, digestId: p.digestId, reason: outcome.reason },
        'Digest failed for good',
      );
    }
    return outcome;
  }
}
