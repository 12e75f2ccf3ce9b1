import type { Contract } from '../api/types';
import { fieldsInReview, quickSetFields, reasonText, uncheckedSummary } from './review';

type Row = Pick<Contract, 'status' | 'terms' | 'deadlines'>;
const row = (
  status: Contract['status'],
  autoRenewal: boolean | null,
  notice: string | null,
  end: { perpetual?: boolean; expirationDate?: string } = { expirationDate: '2027-12-31' },
): Row =>
  ({
    status,
    terms: { autoRenewal, perpetual: end.perpetual ?? null } as Contract['terms'],
    deadlines: {
      noticeDeadline: notice,
      nextRenewalDate: null,
      expirationDate: end.expirationDate ?? null,
    },
  }) as Row;

describe('review helpers', () => {
  it('counts what keeps the portfolio from being checked', () => {
    expect(
      uncheckedSummary([
        row('parsed', true, null),
        row('parsed', true, '2026-09-30'),
        row('parsed', false, null),
        row('parsed', null, null, { perpetual: true }),
        row('parsed', false, null, {}),
        row('needs_review', true, null),
        row('processing', null, null),
        row('failed', null, null),
      ]),
    ).toEqual({ missingNotice: 1, missingEnd: 1, processing: 1, failed: 1 });
    expect(uncheckedSummary([row('parsed', true, '2026-09-30')])).toEqual({
      missingNotice: 0,
      missingEnd: 0,
      processing: 0,
      failed: 0,
    });
  });

  it('offers the fields in review first as "Set as" choices', () => {
    const reviewReasons = [
      { field: 'renewalTerm', code: 'low_confidence', message: 'm' },
      { field: 'noticePeriod', code: 'no_notice_deadline', message: 'm' },
      { field: null, code: 'ocr_text', message: 'm' },
      { field: 'autoRenewal', code: 'low_confidence', message: 'm' },
    ];
    expect(fieldsInReview({ reviewReasons })).toEqual([
      'autoRenewal',
      'renewalTerm',
      'noticePeriod',
    ]);
    expect(quickSetFields({ reviewReasons })).toEqual([
      'renewalTerm',
      'noticePeriod',
      'expirationDate',
    ]);
  });

  it('words a reason in the UI language, and keeps the message of an unknown code', () => {
    const c = { confidence: { expirationDate: 0.42 }, language: 'fi' };
    expect(
      reasonText({ field: 'expirationDate', code: 'low_confidence', message: 'x' }, c),
    ).toMatch(/Expiration date: read with low confidence \(42\s?%\)/);
    expect(
      reasonText({ field: null, code: 'possible_duplicate', message: 'Same file as X' }, c),
    ).toBe('Same file as X');
  });
});
