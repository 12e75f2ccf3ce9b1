import { lazy, Suspense, useState, type RefObject } from 'react';
import { request } from '../../api/client';
import type { Contract } from '../../api/types';
import { LoadingBlock, ProblemAlert } from '../../components/feedback';
import type { Highlight } from '../../components/pdf/PdfViewer';
import { t } from '../../i18n';
import { useApi } from '../../lib/useApi';

const PdfViewer = lazy(() => import('../../components/pdf/PdfViewer'));

export type HighlightResult = { key: number; found: boolean; exact: boolean };

/** The original document (a PDF shown with the evidence highlighted), and its download. */
export function DocumentCard({
  contract,
  highlight,
  evidenceNote,
  onHighlightResult,
  cardRef,
}: {
  contract: Contract;
  highlight: Highlight | null;
  evidenceNote: string | null;
  onHighlightResult(r: HighlightResult): void;
  cardRef: RefObject<HTMLDivElement | null>;
}) {
  const file = contract.file;
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
        {file.mediaType === 'application/pdf' ? (
          <PdfFile
            contractId={contract.id}
            highlight={highlight}
            onHighlightResult={onHighlightResult}
          />
        ) : (
          <p className="muted pdf-message">{t('detail.notPdf')}</p>
        )}
      </div>
    </div>
  );
}

function PdfFile({
  contractId,
  highlight,
  onHighlightResult,
}: {
  contractId: string;
  highlight: Highlight | null;
  onHighlightResult(r: HighlightResult): void;
}) {
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
      <PdfViewer data={file.data} highlight={highlight} onHighlightResult={onHighlightResult} />
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
