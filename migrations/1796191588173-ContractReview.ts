import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review of a parse (TERMS.md "Confidence and review"): the detected language, why the contract needs a
 * person's look (review_reasons, each { field, code, message }) and the alternatives a reviewer can pick
 * (candidates, per field [{ value, confidence, evidence }]). A contract parsed before this release that renews
 * automatically without a notice deadline is sent to review now, with that reason: never an empty "parsed".
 */
export class ContractReview1796191588173 implements MigrationInterface {
  name = 'ContractReview1796191588173';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contracts
      ADD COLUMN language text,
      ADD COLUMN review_reasons jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN candidates jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`UPDATE contracts
      SET status = 'needs_review',
          review_reasons = jsonb_build_array(jsonb_build_object(
            'field', CASE WHEN terms->>'noticePeriod' IS NULL THEN 'noticePeriod' ELSE 'expirationDate' END,
            'code', 'no_notice_deadline',
            'message', CASE WHEN terms->>'noticePeriod' IS NULL
              THEN 'The contract renews automatically but no notice period was read, so no notice deadline can be computed'
              ELSE 'The contract renews automatically but the end of its term could not be read, so no notice deadline can be computed'
            END))
      WHERE status = 'parsed' AND (terms->>'autoRenewal')::boolean IS TRUE AND notice_deadline IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contracts
      DROP COLUMN IF EXISTS language,
      DROP COLUMN IF EXISTS review_reasons,
      DROP COLUMN IF EXISTS candidates`);
  }
}
