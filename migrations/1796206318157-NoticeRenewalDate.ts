import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14 item 4: the renewal a contract's notice deadline stops (`deadlines.noticeRenewalDate`), so the
 * wording "Give notice by ... to stop the renewal on ..." never pairs a deadline with a renewal that can no
 * longer be stopped. Written by RecomputeDeadlines from now on.
 */
export class NoticeRenewalDate1796206318157 implements MigrationInterface {
  name = 'NoticeRenewalDate1796206318157';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contracts ADD COLUMN notice_renewal_date date`);
    // Existing rows: a notice deadline before the next renewal stops that renewal (exact whenever the notice
    // period is not longer than a renewal term). The rest stay null until their next recompute (a correction,
    // a parse, or the daily roll-forward once their deadline passes); readers fall back to "a later renewal".
    await q.query(`UPDATE contracts SET notice_renewal_date = next_renewal_date
      WHERE notice_deadline IS NOT NULL AND next_renewal_date IS NOT NULL
        AND notice_deadline < next_renewal_date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contracts DROP COLUMN notice_renewal_date`);
  }
}
