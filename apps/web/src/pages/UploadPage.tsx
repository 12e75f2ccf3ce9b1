import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, NetworkError, uploadWithProgress, type UploadHandle } from '../api/client';
import type { Contract, ContractStatus } from '../api/types';
import { useSession } from '../auth/session';
import { DropZone, WriteAccessNotice } from '../components/DropZone';
import { PageTitle } from '../components/Layout';
import { CopyField } from '../components/feedback';
import { t } from '../i18n';
import { formatBytes, formatPercent } from '../lib/format';
import { useApi } from '../lib/useApi';
import { useContractEvents } from '../lib/useContractEvents';

type Phase = 'queued' | 'uploading' | 'processing' | 'done' | 'rejected' | 'duplicate';
interface Item {
  key: string;
  file: File;
  phase: Phase;
  progress: number;
  contract?: Contract;
  status?: ContractStatus;
  message?: string;
  /** `duplicate`: the contract that already holds these bytes. */
  existingId?: string;
  /** Sent with allowDuplicate=true (a person chose to keep a second copy). */
  allowDuplicate?: boolean;
}

const ACCEPT =
  '.pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain';
const PARALLEL = 3;

let counter = 0;

function messageOf(err: unknown): string {
  if (err instanceof ApiError)
    return err.problem.detail || err.problem.title || t('errors.unexpected');
  if (err instanceof NetworkError) return t('errors.network');
  return t('errors.unexpected');
}

export default function UploadPage() {
  const { can, readOnly } = useSession();
  const [items, setItems] = useState<Item[]>([]);
  const inputRef = useRef<HTMLInputElement>(null);
  const handles = useRef(new Map<string, UploadHandle>());
  const mounted = useRef(true);
  const canWrite = can('write');

  useEffect(() => {
    mounted.current = true;
    // Uploads in flight continue on the server side once sent; aborting them here would lose half-sent files.
    return () => {
      mounted.current = false;
    };
  }, []);

  const patch = useCallback((key: string, p: Partial<Item>) => {
    setItems((list) => list.map((it) => (it.key === key ? { ...it, ...p } : it)));
  }, []);

  /** Reads one uploaded contract again: its status once the parse has finished. */
  const refresh = useCallback(
    async (key: string, id: string) => {
      try {
        const c = await api<Contract>(`/v1/contracts/${id}`);
        if (!mounted.current) return;
        if (c.status === 'processing') patch(key, { contract: c, status: c.status });
        else
          patch(key, { contract: c, status: c.status, phase: 'done', message: c.error?.message });
      } catch (e) {
        // A passing network hiccup does not end the live status: the stream's next resync reads it again.
        if (!(e instanceof NetworkError)) patch(key, { phase: 'rejected', message: messageOf(e) });
      }
    },
    [patch],
  );

  // Live status: the server announces each finished parse (no polling); on (re)connect, re-read what is open.
  const processing = items.filter((i) => i.phase === 'processing' && i.contract);
  useContractEvents(
    processing.length > 0,
    (event) => {
      const item = processing.find((i) => i.contract?.id === event.contractId);
      if (item) void refresh(item.key, event.contractId);
    },
    () => processing.forEach((i) => void refresh(i.key, i.contract!.id)),
  );

  const start = useCallback(
    (item: Item) => {
      patch(item.key, { phase: 'uploading', progress: 0 });
      const form = new FormData();
      form.append('file', item.file, item.file.name);
      if (item.allowDuplicate) form.append('allowDuplicate', 'true');
      const handle = uploadWithProgress('/v1/contracts', form, (f) =>
        patch(item.key, { progress: f }),
      );
      handles.current.set(item.key, handle);
      handle.promise.then(
        (body) => {
          const c = body as Contract;
          patch(item.key, {
            phase: c.status === 'processing' ? 'processing' : 'done',
            progress: 1,
            contract: c,
            status: c.status,
          });
        },
        (err) =>
          err instanceof ApiError && err.problem.code === 'duplicate' && err.problem.contractId
            ? patch(item.key, { phase: 'duplicate', existingId: err.problem.contractId })
            : patch(item.key, { phase: 'rejected', message: messageOf(err) }),
      );
    },
    [patch],
  );

  // A small pool: at most PARALLEL uploads at a time, the rest wait in order.
  useEffect(() => {
    const active = items.filter((i) => i.phase === 'uploading').length;
    const waiting = items.filter((i) => i.phase === 'queued');
    waiting.slice(0, Math.max(0, PARALLEL - active)).forEach(start);
  }, [items, start]);

  function addFiles(files: FileList | File[]) {
    if (!canWrite) return;
    const list = Array.from(files).map<Item>((file) => ({
      key: `f${++counter}`,
      file,
      phase: 'queued',
      progress: 0,
    }));
    setItems((prev) => [...list, ...prev]);
  }

  const finished = items.filter(
    (i) => i.phase === 'done' || i.phase === 'rejected' || i.phase === 'duplicate',
  ).length;
  const keepCopy = (key: string) =>
    patch(key, { phase: 'queued', progress: 0, allowDuplicate: true, existingId: undefined });

  return (
    <section>
      <PageTitle>{t('upload.title')}</PageTitle>
      <p className="lead">{t('upload.lead')}</p>
      {!canWrite && <WriteAccessNotice readOnly={readOnly} />}
      <DropZone canWrite={canWrite} onFiles={addFiles} testId="dropzone">
        <svg
          aria-hidden="true"
          width="40"
          height="40"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        >
          <path d="M12 16V4m0 0-4 4m4-4 4 4" />
          <path d="M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
        </svg>
        <p className="dropzone-title">{t('upload.dropHere')}</p>
        <p className="muted">{t('upload.or')}</p>
        <input
          ref={inputRef}
          id="file-input"
          type="file"
          multiple
          accept={ACCEPT}
          className="visually-hidden"
          disabled={!canWrite}
          onChange={(e) => {
            if (e.target.files) addFiles(e.target.files);
            e.target.value = '';
          }}
        />
        <label htmlFor="file-input" className={`btn btn-primary${canWrite ? '' : ' disabled'}`}>
          {t('upload.choose')}
        </label>
        <p className="hint">{t('upload.accepted')}</p>
      </DropZone>

      {canWrite && <InboxCard />}

      {items.length > 0 && (
        <div className="card upload-list-card">
          <div className="card-head">
            <h2>{t('upload.summary', { count: items.length })}</h2>
            {finished > 0 && (
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() =>
                  setItems((l) =>
                    l.filter(
                      (i) =>
                        i.phase !== 'done' && i.phase !== 'rejected' && i.phase !== 'duplicate',
                    ),
                  )
                }
              >
                {t('upload.clearDone')}
              </button>
            )}
          </div>
          <ul className="upload-list" aria-live="polite">
            {items.map((it) => (
              <UploadRow key={it.key} item={it} onKeepCopy={() => keepCopy(it.key)} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function UploadRow({ item, onKeepCopy }: { item: Item; onKeepCopy: () => void }) {
  let label: string;
  let tone = '';
  switch (item.phase) {
    case 'queued':
      label = t('upload.queued');
      break;
    case 'uploading':
      label = t('upload.uploading', { percent: formatPercent(item.progress) });
      break;
    case 'processing':
      label = t('upload.processing');
      break;
    case 'done':
      if (item.status === 'failed') {
        label = item.message ? `${t('upload.failed')}: ${item.message}` : t('upload.failed');
        tone = 'error';
      } else if (item.status === 'needs_review') {
        label = t('upload.needsReview');
        tone = 'warning';
      } else {
        label = t('upload.parsed');
        tone = 'ok';
      }
      break;
    case 'rejected':
      label = `${t('upload.rejected')}: ${item.message ?? ''}`;
      tone = 'error';
      break;
    case 'duplicate':
      label = t('upload.duplicate');
      tone = 'warning';
      break;
  }
  const pct = item.phase === 'uploading' || item.phase === 'queued' ? item.progress : 1;
  const id = `up-${item.key}`;
  return (
    <li className={`upload-row tone-${tone}`} data-status={item.status ?? item.phase}>
      <div className="upload-file">
        <span className="upload-name" id={`${id}-name`} title={item.file.name}>
          {item.file.name}
        </span>
        <span className="muted small">{formatBytes(item.file.size)}</span>
      </div>
      <div className="upload-progress">
        <progress
          max={1}
          value={item.phase === 'processing' ? undefined : pct}
          aria-label={t('upload.progressLabel', { name: item.file.name })}
          className={item.phase === 'processing' ? 'indeterminate' : ''}
        />
        <span
          className={`upload-status status-${tone}`}
          role={tone === 'error' ? 'alert' : undefined}
        >
          {label}
        </span>
      </div>
      <div className="upload-actions">
        {item.phase === 'duplicate' && item.existingId && (
          <>
            <Link
              to={`/contracts/${item.existingId}`}
              className="btn btn-small"
              data-testid="duplicate-link"
            >
              {t('upload.openExisting')}
            </Link>
            <button type="button" className="btn btn-ghost btn-small" onClick={onKeepCopy}>
              {t('upload.keepSecondCopy')}
            </button>
          </>
        )}
        {item.contract && item.phase !== 'rejected' && item.phase !== 'duplicate' && (
          <Link to={`/contracts/${item.contract.id}`} className="btn btn-small">
            {t('upload.open')}
          </Link>
        )}
      </div>
    </li>
  );
}

/** E-mail-in: the company's secret address; attachments mailed to it from a user become contracts. */
function InboxCard() {
  const inbox = useApi((signal) => api<{ address: string }>('/v1/inbox', { signal }), []);
  if (!inbox.data) return null;
  return (
    <div className="card" data-testid="inbox-card">
      <h2>{t('upload.byEmail')}</h2>
      <p className="muted">{t('upload.byEmailHelp')}</p>
      <CopyField value={inbox.data.address} label={t('upload.byEmailAddress')} />
    </div>
  );
}
