import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deadline.upcoming delivery whose deadline was corrected or whose contract was deleted before it went out
 * is `canceled` (with the reason in last_error) instead of delivering stale news.
 */
export class StaleWebhookEvents1764200000000 implements MigrationInterface {
  name = 'StaleWebhookEvents1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check`);
    await q.query(
      `ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check
         CHECK (status IN ('pending','succeeded','failed','canceled'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE webhook_deliveries SET status = 'failed' WHERE status = 'canceled'`);
    await q.query(`ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_status_check`);
    await q.query(
      `ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_status_check
         CHECK (status IN ('pending','succeeded','failed'))`,
    );
  }
}
