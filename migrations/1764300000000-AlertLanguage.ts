import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The language of a tenant's alert and digest e-mails; existing tenants keep English. */
export class AlertLanguage1764300000000 implements MigrationInterface {
  name = 'AlertLanguage1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE alert_settings ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en','fi','sv'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alert_settings DROP COLUMN IF EXISTS language`);
  }
}
