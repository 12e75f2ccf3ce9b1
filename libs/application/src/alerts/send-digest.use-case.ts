import { Logger } from '@nestjs/common';
import {
  DEFAULT_ALERT_LANGUAGE,
  DIGEST_DAYS,
  DIGEST_MAX_ITEMS,
  contractHeading,
  digestLines,
  digestRange,
  tenantToday,
} from '@cb/domain';
import type { JobPayloads } from '@cb/jobs';
import { renderDigestEmail, type Mailer } from '@cb/notifications';
import type {
  AlertDigestsRepository,
  AlertSettingsRepository,
  DecisionsRepository,
  TenantDb,
} from '@cb/persistence';
import { mailFailure } from './mail-failure';

export type DigestSendOutcome =
  { result: 'sent' | 'skipped' } | { result: 'failed' | 'retry'; reason: string };

/**
 * Sends one recipient's weekly digest (recorded once per week by RecordTenantAlerts), listing the deadlines
 * of the digest policy's range as of sending time, after the undecided ones (the notice deadlines that passed
 * with no decision: digestLines). Sending locks the row exactly like an
 * alert send.
 */
export class SendDigest {
  private readonly logger = new Logger(SendDigest.name);

  constructor(
    private readonly db: TenantDb,
    private readonly digests: AlertDigestsRepository,
    private readonly settings: AlertSettingsRepository,
    private readonly decisions: DecisionsRepository,
    private readonly mailer: Mailer,
    private readonly options: { appUrl: string },
  ) {}

  async execute(
    p: JobPayloads['digest.send'],
    opts: { finalAttempt: boolean; now?: Date },
  ): Promise<DigestSendOutcome> {
    const stored = await this.settings.get(p.tenantId);
    const today = tenantToday(stored?.timezone, opts.now ?? new Date());
    const language = stored?.language ?? DEFAULT_ALERT_LANGUAGE;
    const outcome = await this.db.run(p.tenantId, async (): Promise<DigestSendOutcome> => {
      const digest = await this.digests.lockForSend(p.tenantId, p.digestId);
      if (!digest || digest.status !== 'pending') return { result: 'skipped' };
      const { from, to } = digestRange(today, digest.weekStart);
      const passed = await this.decisions.undecidedPassed(p.tenantId, today, DIGEST_MAX_ITEMS);
      const upcoming = await this.digests.deadlinesBetween(p.tenantId, from, to, DIGEST_MAX_ITEMS);
      // Each contract as a person names it: "Counterparty – Title", the title in normal case.
      const named = <T extends { contractTitle: string; counterparty: string | null }>(
        d: T,
      ): T => ({
        ...d,
        contractTitle: contractHeading(d.counterparty, d.contractTitle, language),
      });
      const items = digestLines(
        passed.map((d) => ({ ...named(d), kind: 'notice' as const })),
        upcoming.map(named),
      );
      const message = renderDigestEmail({
        today: from,
        days: DIGEST_DAYS,
        items,
        appUrl: this.options.appUrl,
        language,
      });
      try {
        await this.mailer.send({
          to: digest.recipient,
          ...message,
          messageId: `<digest-${digest.id}@contract-bank>`,
        });
      } catch (err) {
        return mailFailure(err, opts.finalAttempt);
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
