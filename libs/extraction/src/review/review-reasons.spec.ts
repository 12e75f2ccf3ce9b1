import { emptyTerms } from '@cb/domain';
import { extractTermsFromText } from '../extract-terms';
import { reviewReasonsFor, reviewStatus } from './review-reasons';

describe('review reasons', () => {
  it('sends a contract in a language the engine does not read to review, never an empty parsed', () => {
    const result = extractTermsFromText(
      'Der Vertrag gilt auf unbestimmte Zeit und kann von jeder Partei mit einer Frist von drei Monaten zum Ende eines Kalendermonats gekündigt werden. Dieser Vertrag unterliegt deutschem Recht, und Gerichtsstand ist Berlin, soweit gesetzlich zulässig und vereinbart.',
    );
    expect(result.language).toBe('de');
    expect(result.reviewReasons).toEqual([
      expect.objectContaining({ field: null, code: 'unsupported_language' }),
    ]);
    expect(reviewStatus(result.reviewReasons)).toBe('needs_review');
  });

  it('flags an auto-renewing contract whose notice deadline cannot be computed', () => {
    const terms = { ...emptyTerms(), autoRenewal: true, renewalTerm: 'P1Y', noticePeriod: 'P90D' };
    const reasons = reviewReasonsFor({
      language: 'en',
      languageRead: true,
      terms,
      confidence: { autoRenewal: 0.99 },
    });
    expect(reasons).toEqual([
      expect.objectContaining({ field: 'expirationDate', code: 'no_notice_deadline' }),
    ]);
    const withEnd = { ...terms, expirationDate: '2026-12-31' };
    expect(
      reviewReasonsFor({ language: 'en', languageRead: true, terms: withEnd, confidence: {} }),
    ).toEqual([]);
  });

  it('flags a key term read below its review threshold, and passes one above it', () => {
    const terms = { ...emptyTerms(), expirationDate: '2026-12-31' };
    const input = {
      language: 'fi',
      languageRead: true,
      terms,
      reviewThresholds: { expirationDate: 0.9 },
    };
    expect(reviewReasonsFor({ ...input, confidence: { expirationDate: 0.6 } })).toEqual([
      expect.objectContaining({ field: 'expirationDate', code: 'low_confidence' }),
    ]);
    expect(reviewReasonsFor({ ...input, confidence: { expirationDate: 0.93 } })).toEqual([]);
  });

  it('offers the candidates of every field it proposes, each with evidence', () => {
    const result = extractTermsFromText(
      'Avtalet gäller från och med den 1 maj 2023 till och med den 30 april 2025.',
    );
    expect(result.language).toBe('sv');
    const [first] = result.candidates.expirationDate!;
    expect(first.value).toBe('2025-04-30');
    expect(first.evidence[0].text).toContain('30 april 2025');
    expect(first.confidence).toBeGreaterThan(0);
  });
});
