import type { SystemDb } from '../tenant-db';

/**
 * Tenants whose trial has ended, or ends within `reminderDays` and has not had its reminder yet, soonest end
 * first (cross-tenant, read-only; the domain decides what to do with each).
 */
export class TrialsToCheckQuery {
  constructor(private readonly system: SystemDb) {}

  async run(now: Date, reminderDays: number, limit = 5000): Promise<string[]> {
    const rows: { tenant_id: string }[] = await this.system.dataSource.query(
      `SELECT tenant_id FROM subscriptions
        WHERE status = 'trialing' AND trial_ends_at <= $1::timestamptz + ($2::int * interval '1 day')
          AND (trial_ends_at <= $1::timestamptz OR trial_reminder_sent_at IS NULL)
        ORDER BY trial_ends_at LIMIT $3`,
      [now.toISOString(), reminderDays, limit],
    );
    return rows.map((r) => r.tenant_id);
  }
}
