import { lazy, Suspense, useState, type RefObject } from 'react';
import { request } from '../../api/client';
import type { Contract, TextSettableField } from '../../api/types';
import { LoadingBlock, ProblemAlert } from '../../components/feedback';
import type { Highlight } from '../../components/pdf/PdfViewer';
import { TextViewer } from '../../components/pdf/TextViewer';
import type { TextSelection } from '../../components/pdf/useTextSelection';
import { t } from '../../i18n';
import { quickSetFields } from '../../lib/review';
import { useApi } from '../../lib/useApi';
import { SelectionBar } from './SelectionBar';

const PdfViewer = lazy(() => import('../../components/pdf/PdfViewer'));

export type HighlightResult = { key: number; found: boolean; exact: boolean };

/** What a person can do with text selected in the document (when they may edit). */
export interface SelectionActions {
  selection: TextSelection | null;
  onSelect(s: TextSelection): void;
  onDismiss(): void;
  onSet(field: TextSettableField, s: TextSelection): Promise<void>;
}

/**
 * The original document (a PDF, or a plain-text file as its text) with the evidence highlighted, and its
 * download. Text selected in it can be set as a term's value.
 */
export function DocumentCard({
  contract,
  highlight,
  evidenceNote,
  onHighlightResult,
  cardRef,
  selection,
}: {
  contract: Contract;
  highlight: Highlight | null;
  evidenceNote: string | null;
  onHighlightResult(r: HighlightResult): void;
  cardRef: RefObject<HTMLDivElement | null>;
  selection: SelectionActions | null;
}) {
  const file = contract.file;
  const viewable = file.mediaType === 'application/pdf' || file.mediaType.startsWith('text/plain');
  return (
    <div className="detail-doc" ref={cardRef}>
      <div className="card doc-card">
        <div className="card-head">
          <h2>{t('detail.document')}</h2>
          <DownloadButton contractId={contract.id} name={file.name} />
        </div>
        {evidenceNote && (
          <p className="alert alert-warning small" role="status">
            {evidenceNote}
          </p>
        )}
        {selection?.selection ? (
          <SelectionBar
            key={selection.selection.text}
            selection={selection.selection}
            quickFields={quickSetFields(contract)}
            onSet={selection.onSet}
            onDismiss={selection.onDismiss}
          />
        ) : (
          selection &&
          viewable && <p className="small muted selection-help">{t('review.selectionHelp')}</p>
        )}
        {file.mediaType === 'application/pdf' ? (
          <PdfFile
            contractId={contract.id}
            highlight={highlight}
            onHighlightResult={onHighlightResult}
            onSelectText={selection?.onSelect}
          />
        ) : file.mediaType.startsWith('text/plain') ? (
          <TextFile
            contractId={contract.id}
            highlight={highlight}
            onHighlightResult={onHighlightResult}
            onSelectText={selection?.onSelect}
          />
        ) : (
          <p className="muted pdf-message">{t('detail.notPdf')}</p>
        )}
      </div>
    </div>
  );
}

interface ViewerProps {
  contractId: string;
  highlight: Highlight | null;
  onHighlightResult(r: HighlightResult): void;
  onSelectText?(s: TextSelection): void;
}

/** A plain-text contract: its text (UTF-8, a byte-order mark dropped). */
function TextFile({ contractId, highlight, onHighlightResult, onSelectText }: ViewerProps) {
  const file = useApi(
    async (signal) => {
      const res = await request(`/v1/contracts/${contractId}/file`, { signal });
      return new TextDecoder('utf-8').decode(await res.arrayBuffer());
    },
    [contractId],
  );
  if (file.error) return <ProblemAlert error={file.error} onRetry={() => void file.reload()} />;
  if (file.data === undefined) return <LoadingBlock lines={2} label={t('review.textLoading')} />;
  return (
    <TextViewer
      text={file.data}
      highlight={highlight}
      onHighlightResult={onHighlightResult}
      onSelectText={onSelectText}
    />
  );
}

function PdfFile({ contractId, highlight, onHighlightResult, onSelectText }: ViewerProps) {
  const file = useApi(
    async (signal) => {
      const res = await request(`/v1/contracts/${contractId}/file`, {
        signal,
        headers: { Accept: 'application/pdf' },
      });
      return new Uint8Array(await res.arrayBuffer());
    },
    [contractId],
  );
  const placeholder = (
    <div className="pdf-placeholder">
      <LoadingBlock lines={2} label={t('detail.pdfLoading')} />
    </div>
  );
  if (file.error) return <ProblemAlert error={file.error} onRetry={() => void file.reload()} />;
  if (!file.data) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <PdfViewer
        data={file.data}
        highlight={highlight}
        onHighlightResult={onHighlightResult}
        onSelectText={onSelectText}
      />
    </Suspense>
  );
}

function DownloadButton({ contractId, name }: { contractId: string; name: string }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        onClick={async () => {
          setError(null);
          try {
            const res = await request(`/v1/contracts/${contractId}/file`);
            const url = URL.createObjectURL(await res.blob());
            const a = document.createElement('a');
            a.href = url;
            a.download = name;
            a.click();
            setTimeout(() => URL.revokeObjectURL(url), 10_000);
          } catch (e) {
            setError(e);
          }
        }}
      >
        {t('detail.download')}
      </button>
      <ProblemAlert error={error} />
    </>
  );
}
