import { Logger } from '@nestjs/common';
import {
  DEFAULT_ALERT_LANGUAGE,
  alertRecipients,
  contractAlertRecipients,
  contractHeading,
  escalationRecipients,
  isStillRecipient,
  withoutUnconfirmedUsers,
  tenantToday,
  type AlertLanguage,
  type TermField,
} from '@cb/domain';
import type { JobPayloads, JobPublisher } from '@cb/jobs';
import {
  renderAlertEmail,
  renderEscalationEmail,
  type Mailer,
  type RenderedMail,
} from '@cb/notifications';
import type {
  AlertEntity,
  AlertSettingsRepository,
  AlertsRepository,
  ContractEntity,
  ContractsRepository,
  TenantDb,
} from '@cb/persistence';
import { ALERT_RETRY_DELAY_MS, enqueueAlertSingles } from './alert-sends';
import { mailFailure } from './mail-failure';

export type AlertSendOutcome =
  | { result: 'sent' }
  | { result: 'skipped'; reason: string }
  | { result: 'canceled'; reason: string }
  | { result: 'failed'; reason: string }
  | { result: 'retry'; reason: string };

/** Where in the contract each kind of deadline comes from, for the quoted sentence. */
const EVIDENCE_FIELDS: Record<'notice' | 'renewal' | 'expiration', TermField[]> = {
  notice: ['noticePeriod', 'autoRenewal', 'renewalTerm'],
  renewal: ['renewalTerm', 'autoRenewal'],
  expiration: ['expirationDate', 'initialTerm'],
};

/**
 * Sends one alert, exactly once. The alert row is locked (SELECT ... FOR UPDATE) for the whole send, so a
 * duplicate job waits and then finds it no longer pending; pending → sent is a conditional UPDATE in the
 * same transaction. Before sending, the contract and its deadline are read again: a deleted contract or a
 * changed deadline cancels the alert instead of sending stale news. If the process dies mid-send, the
 * transaction rolls back, the row stays pending and BullMQ's stalled-job check runs the job again.
 */
export class SendAlert {
  private readonly logger = new Logger(SendAlert.name);

  constructor(
    private readonly db: TenantDb,
    private readonly alerts: AlertsRepository,
    private readonly settings: AlertSettingsRepository,
    private readonly contracts: ContractsRepository,
    private readonly mailer: Mailer,
    private readonly jobs: JobPublisher,
    private readonly options: { appUrl: string },
  ) {}

  /**
   * Sends a batch one alert at a time, each exactly once as in execute(). When one fails in a way worth
   * retrying (the mail server is down or busy), it and the rest of the batch move to their own alert.send jobs
   * with backoff, instead of waiting out a connection timeout per alert. A batch re-run after a crash skips
   * what was sent.
   */
  async executeBatch(
    p: JobPayloads['alerts.send'],
    opts: { now?: Date } = {},
  ): Promise<{ sent: number; deferred: number; other: number }> {
    let sent = 0;
    let other = 0;
    for (let i = 0; i < p.alertIds.length; i++) {
      const outcome = await this.execute(
        { tenantId: p.tenantId, alertId: p.alertIds[i]! },
        { finalAttempt: false, now: opts.now },
      );
      if (outcome.result === 'retry') {
        const rest = p.alertIds.slice(i);
        await enqueueAlertSingles(this.jobs, p.tenantId, rest, ALERT_RETRY_DELAY_MS);
        this.logger.warn(
          { tenantId: p.tenantId, deferred: rest.length, reason: outcome.reason },
          'Alert batch deferred to single retries',
        );
        return { sent, deferred: rest.length, other };
      }
      if (outcome.result === 'sent') sent++;
      else other++;
    }
    return { sent, deferred: 0, other };
  }

  /** `finalAttempt`: this is the job's last try, so a send error is recorded as a permanent failure. */
  async execute(
    p: JobPayloads['alert.send'],
    opts: { finalAttempt: boolean; now?: Date },
  ): Promise<AlertSendOutcome> {
    const outcome = await this.db.run(p.tenantId, async (): Promise<AlertSendOutcome> => {
      const alert = await this.alerts.lockForSend(p.tenantId, p.alertId);
      if (!alert) return { result: 'skipped', reason: 'no such alert' };
      if (alert.status !== 'pending')
        return { result: 'skipped', reason: `already ${alert.status}` };
      const contract = await this.contracts.get(p.tenantId, alert.contractId);
      if (!contract) return this.cancel(alert, 'contract deleted before the alert was sent');
      const { stored, ownerAndAdminEmails, unverifiedUserEmails } = await this.settings.forAlerts(
        p.tenantId,
      );
      const today = tenantToday(stored?.timezone, opts.now ?? new Date());
      const language = stored?.language ?? DEFAULT_ALERT_LANGUAGE;
      let message: RenderedMail;
      if (alert.channel === 'escalation') {
        if (await this.alerts.deadlineDecided(p.tenantId, alert)) {
          return this.cancel(alert, 'deadline decided before the escalation was sent');
        }
        // Still news: the deadline is still the one decisions answer, passed and undecided, the contract not ending.
        if (!(await this.alerts.escalationStillDue(p.tenantId, alert, today))) {
          return this.cancel(alert, 'deadline changed before the escalation was sent');
        }
        const recipients = withoutUnconfirmedUsers(
          escalationRecipients(ownerAndAdminEmails),
          unverifiedUserEmails,
        );
        if (!isStillRecipient(alert.recipient, recipients)) {
          return this.cancel(alert, 'recipient is no longer an owner or admin');
        }
        message = renderEscalationEmail({
          deadline: alert.deadline,
          today,
          contractId: contract.id,
          contractTitle: alertHeading(contract, language),
          renewalDate: contract.nextRenewalDate,
          renewalTerm: contract.terms?.renewalTerm ?? contract.terms?.initialTerm ?? null,
          noticeDeadline: contract.noticeDeadline,
          noticeRenewalDate: contract.noticeRenewalDate,
          appUrl: this.options.appUrl,
          language,
        });
      } else {
        if (!(await this.alerts.deadlineStillMatches(p.tenantId, alert))) {
          return this.cancel(alert, 'deadline changed before the alert was sent');
        }
        // A decision made after the alert was recorded stops it; a send already past this point (its row
        // locked) finishes, once.
        if (await this.alerts.deadlineDecided(p.tenantId, alert)) {
          return this.cancel(alert, 'deadline decided before the alert was sent');
        }
        // The recipients as they are now: someone taken off the list (or a removed owner or admin, when the
        // list is the default, or a contract owner who no longer owns it) gets nothing more.
        const recipients = withoutUnconfirmedUsers(
          contractAlertRecipients(
            alertRecipients(stored?.recipients, ownerAndAdminEmails),
            {
              ownerEmail: await this.contracts.ownerEmail(p.tenantId, contract.id),
              ownerRemoved: contract.ownerRemovedAt !== null,
            },
            ownerAndAdminEmails,
          ),
          unverifiedUserEmails,
        );
        if (!isStillRecipient(alert.recipient, recipients)) {
          return this.cancel(alert, 'recipient no longer receives alerts');
        }
        message = await this.render(alert, contract, today, language);
      }
      try {
        await this.mailer.send({
          to: alert.recipient,
          ...message,
          messageId: `<alert-${alert.id}@contract-bank>`,
        });
      } catch (err) {
        return mailFailure(err, opts.finalAttempt);
      }
      await this.alerts.finish(p.tenantId, alert.id, 'sent', null);
      return { result: 'sent' };
    });
    // Outside the send transaction, which has committed (or had nothing to write).
    if (outcome.result === 'failed') {
      await this.alerts.finish(p.tenantId, p.alertId, 'failed', outcome.reason);
      this.logger.warn(
        { tenantId: p.tenantId, alertId: p.alertId, reason: outcome.reason },
        'Alert failed for good',
      );
    } else if (outcome.result === 'retry') {
      await this.alerts.recordAttemptError(p.tenantId, p.alertId, outcome.reason);
    }
    return outcome;
  }

  private async cancel(alert: AlertEntity, reason: string): Promise<AlertSendOutcome> {
    await this.alerts.finish(alert.tenantId, alert.id, 'canceled', reason);
    return { result: 'canceled', reason };
  }

  private async render(
    alert: AlertEntity,
    contract: ContractEntity,
    today: string,
    language: AlertLanguage,
  ) {
    let evidence: string | null = null;
    let obligationText: string | null = null;
    if (alert.kind === 'obligation') {
      const obligation = (await this.contracts.obligations(alert.tenantId, contract.id)).find(
        (o) => o.id === alert.obligationId,
      );
      obligationText = obligation?.text ?? null;
      evidence = obligation?.evidence[0]?.text ?? null;
    } else {
      for (const field of EVIDENCE_FIELDS[alert.kind]) {
        const span = contract.evidence?.[field]?.[0];
        if (span?.text) {
          evidence = span.text;
          break;
        }
      }
    }
    return renderAlertEmail({
      kind: alert.kind,
      deadline: alert.deadline,
      today,
      contractId: contract.id,
      contractTitle: alertHeading(contract, language),
      autoRenewal: contract.terms?.autoRenewal ?? null,
      renewalTerm: contract.terms?.renewalTerm ?? null,
      noticeDeadline: contract.noticeDeadline,
      nextRenewalDate: contract.nextRenewalDate,
      noticeRenewalDate: contract.noticeRenewalDate,
      expirationDate: contract.expirationDate,
      evidence,
      obligationText,
      appUrl: this.options.appUrl,
      language,
    });
  }
}

/** The contract as the e-mails name it: "Counterparty – Title", the title in normal case. */
function alertHeading(contract: ContractEntity, language: AlertLanguage): string {
  return contractHeading(contract.counterparty, contract.title ?? contract.fileName, language);
}
