import type { Contract, ContractDeadlines } from '../../api/types';
import { t, tDynamic } from '../../i18n';
import { formatDate, formatRelativeDays } from '../../lib/format';
import { noticeSentenceOf } from '../../lib/wording';
import { DecisionPanel } from './DecisionPanel';
import { NoticeLetterAction } from './NoticeLetterAction';

export const DEADLINE_KEYS: Array<keyof ContractDeadlines> = [
  'noticeDeadline',
  'nextRenewalDate',
  'expirationDate',
];

/** What a correction did to the deadlines, in words: one note per deadline that moved, appeared or went. */
export function deadlineChangeNotes(before: ContractDeadlines, after: ContractDeadlines): string[] {
  const notes: string[] = [];
  for (const k of DEADLINE_KEYS) {
    const from = before[k];
    const to = after[k];
    if (from === to) continue;
    const kind = tDynamic(`deadlines.${k}`);
    if (from && to)
      notes.push(t('detail.deadlineMoved', { kind, from: formatDate(from), to: formatDate(to) }));
    else if (to) notes.push(t('detail.deadlineSet', { kind, to: formatDate(to) }));
    else if (from) notes.push(t('detail.deadlineCleared', { kind, from: formatDate(from) }));
  }
  return notes;
}

/**
 * The computed deadlines: notice, next renewal, expiration, with how far away each is, and what the notice
 * deadline means in words. A contract whose termination notice was sent shows "Ending on" instead of an
 * expiration, and no renewal.
 */
export function DeadlinesCard({
  deadlines,
  contract,
  canWrite = false,
  onDecided,
}: {
  deadlines: ContractDeadlines;
  /** When given, the card offers the decision on its notice deadline and the notice letter for it. */
  contract?: Contract;
  canWrite?: boolean;
  onDecided?(c: Contract, note: string): void;
}) {
  const rows = DEADLINE_KEYS.flatMap((k) => {
    const date = deadlines[k];
    return date ? [{ k, date }] : [];
  });
  const sentence = contract ? noticeSentenceOf(contract) : null;
  const label = (k: keyof ContractDeadlines) =>
    k === 'expirationDate' && deadlines.endingOn
      ? t('deadlines.endingOn')
      : tDynamic(`deadlines.${k}`);
  return (
    <div className="card">
      <h2>{t('detail.deadlines')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('deadlines.none')}</p>
      ) : (
        <dl className="deadline-list">
          {rows.map(({ k, date }) => (
            <div key={k} className={`deadline-item deadline-${k}`} data-testid={`deadline-${k}`}>
              <dt>{label(k)}</dt>
              <dd>
                <strong>{formatDate(date)}</strong>{' '}
                <span className="muted small">{formatRelativeDays(date)}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {sentence && (
        <p className="small deadline-sentence" data-testid="notice-sentence">
          {sentence}
        </p>
      )}
      {contract && onDecided && (
        <DecisionPanel contract={contract} canWrite={canWrite} onChanged={onDecided} />
      )}
      {contract && <NoticeLetterAction contract={contract} />}
    </div>
  );
}
