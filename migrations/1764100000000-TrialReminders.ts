import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Remembers that the "your trial ends in 3 days" e-mail went out, so it goes out once. */
export class TrialReminders1764100000000 implements MigrationInterface {
  name = 'TrialReminders1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE subscriptions ADD COLUMN trial_reminder_sent_at timestamptz`);
    await q.query(
      `CREATE INDEX subscriptions_trial_end_idx ON subscriptions (trial_ends_at) WHERE status = 'trialing'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS subscriptions_trial_end_idx`);
    await q.query(`ALTER TABLE subscriptions DROP COLUMN IF EXISTS trial_reminder_sent_at`);
  }
}
