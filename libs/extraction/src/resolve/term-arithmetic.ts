import { addDays, addDuration, type IsoDate, type IsoDuration } from '@cb/domain';

/** The last day of a term that starts on `start` and lasts `term`: start + term - 1 day (TERMS.md). */
export function expirationFromTerm(start: IsoDate, term: IsoDuration): IsoDate | null {
  try {
    return addDays(addDuration(start, term), -1);
  } catch {
    return null;
  }
}
