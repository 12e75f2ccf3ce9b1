import { useCallback, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import type { Contract, EvidenceSpan, TermField, TextSettableField } from '../../api/types';
import { useSession } from '../../auth/session';
import { PageTitle } from '../../components/Layout';
import { LoadingBlock, ProblemAlert, StatusBadge, SuccessNote } from '../../components/feedback';
import type { Highlight } from '../../components/pdf/PdfViewer';
import type { TextSelection } from '../../components/pdf/useTextSelection';
import { t, tDynamic } from '../../i18n';
import { formatBytes, formatDate } from '../../lib/format';
import { formatTerm, type TermValue } from '../../lib/terms';
import { useApi } from '../../lib/useApi';
import { useContractEvents } from '../../lib/useContractEvents';
import { contractTitle } from '../ContractsPage';
import { ActivityCard } from './ActivityCard';
import { DeadlinesCard, deadlineChangeNotes } from './DeadlinesCard';
import { DetailsCard } from './DetailsCard';
import { DocumentCard, type HighlightResult } from './DocumentCard';
import { FamilyCard } from './FamilyCard';
import { ObligationsCard } from './ObligationsCard';
import { OwnerCard } from './OwnerCard';
import { ReviewCard } from './ReviewCard';
import { TermsCard } from './TermsCard';

/**
 * One contract: the document beside its deadlines, details, terms (each with its evidence), obligations and
 * activity. While the worker reads it, the live status stream says when it is done.
 */
export default function ContractDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can, readOnly } = useSession();
  const state = useApi((signal) => api<Contract>(`/v1/contracts/${id}`, { signal }), [id]);
  const contract = state.data;
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const [activeField, setActiveField] = useState<TermField | null>(null);
  const [evidenceNote, setEvidenceNote] = useState<string | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [actionError, setActionError] = useState<unknown>(null);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const docRef = useRef<HTMLDivElement>(null);
  const canWrite = can('write');
  const processing = contract?.status === 'processing';

  // Live status while the worker reads the contract (and after a reconnect, in case it finished meanwhile).
  useContractEvents(
    processing,
    (event) => {
      if (event.contractId === id) void state.reload();
    },
    () => void state.reload(),
  );

  const showEvidence = useCallback((field: TermField | null, spans: EvidenceSpan[]) => {
    const span = spans[0];
    if (!span) return;
    setActiveField(field);
    setEvidenceNote(null);
    setHighlight((h) => ({ page: span.page, text: span.text, key: (h?.key ?? 0) + 1 }));
    // On a phone the document is below the terms: bring it into view.
    if (docRef.current && window.matchMedia('(max-width: 959px)').matches)
      docRef.current.scrollIntoView({ behavior: 'smooth' });
  }, []);

  const onHighlightResult = useCallback((r: HighlightResult) => {
    setHighlight((h) => {
      if (h && h.key === r.key && !r.found)
        setEvidenceNote(t('detail.evidenceNotFound', { page: h.page }));
      return h;
    });
  }, []);

  async function saveTerm(field: TermField, value: TermValue, picked = false) {
    if (!contract) return;
    const updated = await api<Contract>(`/v1/contracts/${contract.id}`, {
      method: 'PATCH',
      body: { terms: { [field]: value } },
    });
    state.setData(updated);
    const label = tDynamic(`terms.${field}`);
    setNotes([
      picked
        ? t('review.picked', { field: label, value: formatTerm(field, value) })
        : t('detail.saved', { field: label }),
      ...deadlineChangeNotes(contract.deadlines, updated.deadlines),
    ]);
  }

  const onSelect = useCallback((s: TextSelection) => setSelection(s), []);

  async function setFromText(field: TextSettableField, s: TextSelection) {
    if (!contract) return;
    const updated = await api<Contract>(`/v1/contracts/${contract.id}/terms-from-text`, {
      method: 'POST',
      body: { field, text: s.text, ...(s.page ? { page: s.page } : {}) },
    });
    state.setData(updated);
    setSelection(null);
    document.getSelection()?.removeAllRanges();
    setNotes([
      t('review.setFromText', {
        field: tDynamic(`terms.${field}`),
        value: formatTerm(field, updated.terms[field] as TermValue),
      }),
      ...deadlineChangeNotes(contract.deadlines, updated.deadlines),
    ]);
  }

  async function act(run: () => Promise<void>) {
    setActionError(null);
    try {
      await run();
    } catch (e) {
      setActionError(e);
    }
  }

  const reparse = () =>
    act(async () => {
      await api(`/v1/contracts/${id}/reparse`, { method: 'POST' });
      setNotes([t('detail.reparseStarted')]);
      await state.reload();
    });

  const remove = () =>
    act(async () => {
      if (!window.confirm(t('detail.deleteConfirm'))) return;
      await api(`/v1/contracts/${id}`, { method: 'DELETE' });
      void navigate('/contracts');
    });

  if (state.error) {
    return (
      <section>
        <Link to="/contracts" className="back-link">
          ← {t('detail.back')}
        </Link>
        {state.error instanceof ApiError && state.error.status === 404 ? (
          <p className="alert alert-error" role="alert">
            {t('detail.notFound')}
          </p>
        ) : (
          <ProblemAlert error={state.error} onRetry={() => void state.reload()} />
        )}
      </section>
    );
  }
  if (!contract) return <LoadingBlock lines={8} />;

  const file = contract.file;
  const editable = canWrite && !processing;

  return (
    <section className="detail">
      <Link to="/contracts" className="back-link">
        ← {t('detail.back')}
      </Link>
      <PageTitle
        actions={
          <>
            <StatusBadge status={contract.status} />
            {editable && (
              <button type="button" className="btn btn-small" onClick={() => void reparse()}>
                {t('detail.reparse')}
              </button>
            )}
            {canWrite && (
              <button
                type="button"
                className="btn btn-small btn-danger-ghost"
                onClick={() => void remove()}
              >
                {t('detail.delete')}
              </button>
            )}
          </>
        }
      >
        {contractTitle(contract)}
      </PageTitle>
      <p className="muted small">
        {t('detail.fileInfo', {
          name: file.name,
          pages: file.pages ? t('detail.pages', { count: file.pages }) : '',
          size: formatBytes(file.size),
        })}
      </p>
      <ProblemAlert error={actionError} />
      {notes.length > 0 && (
        <SuccessNote>
          {notes.map((n, i) => (
            <p key={i} data-testid={i === 0 ? 'save-note' : 'deadline-note'}>
              {n}
            </p>
          ))}
        </SuccessNote>
      )}
      <StatusAlerts contract={contract} canWrite={canWrite} readOnly={readOnly} />

      <div className="detail-grid">
        <DocumentCard
          contract={contract}
          highlight={highlight}
          evidenceNote={evidenceNote}
          onHighlightResult={onHighlightResult}
          cardRef={docRef}
          selection={
            editable
              ? {
                  selection,
                  onSelect,
                  onDismiss: () => setSelection(null),
                  onSet: setFromText,
                }
              : null
          }
        />
        <div className="detail-side">
          {contract.status === 'needs_review' && (
            <ReviewCard
              contract={contract}
              canWrite={editable}
              onShow={showEvidence}
              onPick={(field, value) => saveTerm(field, value, true)}
            />
          )}
          <DeadlinesCard
            deadlines={contract.deadlines}
            contract={contract}
            canWrite={editable}
            onDecided={(c, note) => {
              state.setData(c);
              setNotes([note, ...deadlineChangeNotes(contract.deadlines, c.deadlines)]);
            }}
          />
          <DetailsCard
            contract={contract}
            canWrite={editable}
            onSaved={(c) => {
              state.setData(c);
              setNotes([t('detail.detailsSaved')]);
            }}
          />
          <OwnerCard
            contract={contract}
            canWrite={editable}
            onSaved={(c) => {
              state.setData(c);
              setNotes([t('detail.ownerSaved')]);
            }}
          />
          <TermsCard
            contract={contract}
            activeField={activeField}
            canWrite={editable}
            onShow={showEvidence}
            onSave={saveTerm}
          />
          <FamilyCard
            contract={contract}
            canWrite={editable}
            onChanged={(c) => {
              state.setData(c);
              setNotes(deadlineChangeNotes(contract.deadlines, c.deadlines));
            }}
          />
          <ObligationsCard contract={contract} onShow={(spans) => showEvidence(null, spans)} />
          <ActivityCard contractId={contract.id} updatedAt={contract.updatedAt} />
        </div>
      </div>
    </section>
  );
}

/** Where the contract stands: being read, failed (and why), waiting for a person, or read-only for you. */
function StatusAlerts({
  contract,
  canWrite,
  readOnly,
}: {
  contract: Contract;
  canWrite: boolean;
  readOnly: boolean;
}) {
  return (
    <>
      {contract.status === 'processing' && (
        <p className="alert alert-info" role="status">
          <span className="spinner" aria-hidden="true" /> {t('detail.processing')}
        </p>
      )}
      {contract.status === 'failed' && (
        <p className="alert alert-error" role="alert">
          {t('detail.failed', { message: contract.error?.message ?? '' })}
        </p>
      )}
      {contract.status === 'needs_review' && (
        <p className="alert alert-warning" role="status">
          {t('detail.needsReview')}
        </p>
      )}
      {contract.deadlines.endingOn && (
        <p className="alert alert-info" role="status" data-testid="ending-on">
          {t('decision.ending', {
            date: formatDate(contract.deadlines.endingOn),
            sent: formatDate(contract.decision?.noticeSentOn),
          })}
        </p>
      )}
      {!canWrite && contract.status !== 'processing' && (
        <p className="alert alert-warning">
          {readOnly ? t('detail.readOnly') : t('detail.viewerRoleOnly')}
        </p>
      )}
    </>
  );
}
