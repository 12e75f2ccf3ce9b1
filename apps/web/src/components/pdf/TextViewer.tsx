import { useEffect, useMemo, useRef } from 'react';
import { findQuote } from './evidenceMatch';
import type { Highlight } from './PdfViewer';
import { useTextSelection, type TextSelection } from './useTextSelection';

/**
 * A plain-text contract shown as its text, with the evidence of the chosen term marked and scrolled into view;
 * text selected here can be set as a term like in the PDF viewer.
 */
export function TextViewer({
  text,
  highlight,
  onHighlightResult,
  onSelectText,
}: {
  text: string;
  highlight: Highlight | null;
  onHighlightResult?(result: { key: number; found: boolean; exact: boolean }): void;
  onSelectText?(selection: TextSelection): void;
}) {
  const root = useRef<HTMLPreElement>(null);
  useTextSelection(root, onSelectText);
  const match = useMemo(
    () => (highlight ? findQuote(text, highlight.text) : null),
    [text, highlight],
  );
  useEffect(() => {
    if (!highlight) return;
    onHighlightResult?.({ key: highlight.key, found: match !== null, exact: match !== null });
    const el = root.current;
    const mark = el?.querySelector<HTMLElement>('mark.evidence-mark');
    if (el && mark) el.scrollTo({ top: Math.max(0, mark.offsetTop - el.clientHeight / 3) });
  }, [highlight, match, onHighlightResult]);
  return (
    <pre className="text-view" ref={root} tabIndex={0} data-testid="text-view">
      {match ? (
        <>
          {text.slice(0, match.start)}
          <mark className="evidence-mark">{text.slice(match.start, match.end)}</mark>
          {text.slice(match.end)}
        </>
      ) : (
        text
      )}
    </pre>
  );
}
