import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, uploadWithProgress } from '../api/client';
import type { Import, ImportItem } from '../api/types';
import { useSession } from '../auth/session';
import { DropZone, WriteAccessNotice } from '../components/DropZone';
import { PageTitle } from '../components/Layout';
import { ProblemAlert } from '../components/feedback';
import { t, tDynamic } from '../i18n';
import { csvCell, download } from '../lib/export';
import { formatBytes, formatPercent, todayIso } from '../lib/format';

const POLL_MS = 1500;

/** The outcome table as a CSV file (BOM, so Excel reads ä, ö and å). */
function downloadOutcomes(imp: Import) {
  const head = ['path', 'outcome', 'contractId', 'contractStatus', 'message'];
  const lines = [head.join(',')];
  for (const i of imp.items ?? [])
    lines.push(
      [i.path, i.outcome, i.contractId, i.contractStatus, i.message].map(csvCell).join(','),
    );
  download(
    new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' }),
    `import-${todayIso()}.csv`,
  );
}

/**
 * Bulk import: drop a ZIP of the archive (folders become tags) and, optionally, a metadata CSV; the page
 * follows the import until every file has been read and parsed, and shows what became of each.
 */
export default function ImportPage() {
  const { can, readOnly } = useSession();
  const canWrite = can('write');
  const [zip, setZip] = useState<File | null>(null);
  const [csv, setCsv] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [current, setCurrent] = useState<Import | null>(null);
  const timer = useRef<number | null>(null);

  useEffect(
    () => () => {
      if (timer.current) window.clearTimeout(timer.current);
    },
    [],
  );

  function follow(id: string) {
    const poll = async () => {
      try {
        const imp = await api<Import>(`/v1/imports/${id}`);
        setCurrent(imp);
        if (imp.status !== 'done') timer.current = window.setTimeout(() => void poll(), POLL_MS);
      } catch (e) {
        setError(e);
      }
    };
    void poll();
  }

  function pick(files: FileList | File[]) {
    for (const f of Array.from(files)) {
      if (/\.csv$/i.test(f.name) || f.type === 'text/csv') setCsv(f);
      else setZip(f);
    }
  }

  async function start() {
    if (!zip) return;
    setError(null);
    setCurrent(null);
    setProgress(0);
    const form = new FormData();
    form.append('file', zip, zip.name);
    if (csv) form.append('metadata', csv, csv.name);
    try {
      const imp = (await uploadWithProgress('/v1/imports', form, setProgress).promise) as Import;
      setCurrent(imp);
      setZip(null);
      setCsv(null);
      follow(imp.id);
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  }

  return (
    <section>
      <PageTitle>{t('import.title')}</PageTitle>
      <p className="lead">{t('import.lead')}</p>
      {!canWrite && <WriteAccessNotice readOnly={readOnly} />}
      <DropZone canWrite={canWrite} onFiles={pick} testId="import-dropzone">
        <p className="dropzone-title">{t('import.dropHere')}</p>
        <div className="import-pickers">
          <label className="btn">
            {t('import.chooseZip')}
            <input
              id="import-zip"
              type="file"
              accept=".zip,application/zip"
              className="visually-hidden"
              disabled={!canWrite}
              onChange={(e) => {
                if (e.target.files?.[0]) setZip(e.target.files[0]);
                e.target.value = '';
              }}
            />
          </label>
          <label className="btn btn-ghost">
            {t('import.chooseCsv')}
            <input
              id="import-csv"
              type="file"
              accept=".csv,text/csv"
              className="visually-hidden"
              disabled={!canWrite}
              onChange={(e) => {
                if (e.target.files?.[0]) setCsv(e.target.files[0]);
                e.target.value = '';
              }}
            />
          </label>
        </div>
        <p className="hint">{t('import.csvHelp')}</p>
        {(zip || csv) && (
          <ul className="import-chosen">
            {zip && (
              <li data-testid="chosen-zip">
                {zip.name} <span className="muted small">{formatBytes(zip.size)}</span>
              </li>
            )}
            {csv && (
              <li data-testid="chosen-csv">
                {csv.name} <span className="muted small">{formatBytes(csv.size)}</span>
              </li>
            )}
          </ul>
        )}
        <button
          type="button"
          className="btn btn-primary"
          disabled={!canWrite || !zip || progress !== null}
          onClick={() => void start()}
        >
          {progress !== null
            ? t('upload.uploading', { percent: formatPercent(progress) })
            : t('import.start')}
        </button>
      </DropZone>
      <ProblemAlert error={error} />
      {current && <ImportProgress imp={current} />}
    </section>
  );
}

function ImportProgress({ imp }: { imp: Import }) {
  const total = imp.total;
  const fraction = total > 0 ? imp.processed / total : 0;
  return (
    <div className="card" data-testid="import-progress" data-status={imp.status}>
      <div className="card-head">
        <h2>{imp.fileName}</h2>
        {imp.items && imp.items.length > 0 && (
          <button type="button" className="btn btn-small" onClick={() => downloadOutcomes(imp)}>
            {t('import.download')}
          </button>
        )}
      </div>
      {imp.error ? (
        <p className="alert alert-error" role="alert">
          {imp.error.message}
        </p>
      ) : (
        <>
          <progress
            max={1}
            value={imp.status === 'done' ? 1 : total > 0 ? fraction : undefined}
            aria-label={t('import.progressLabel')}
          />
          <p role="status" data-testid="import-summary">
            {imp.status === 'done'
              ? t('import.done', {
                  created: imp.created,
                  duplicates: imp.duplicates,
                  failed: imp.failed,
                })
              : t('import.running', { processed: imp.processed, total })}
          </p>
        </>
      )}
      {imp.items && imp.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="import-outcomes">
            <thead>
              <tr>
                <th scope="col">{t('import.file')}</th>
                <th scope="col">{t('import.outcome')}</th>
                <th scope="col">{t('import.message')}</th>
              </tr>
            </thead>
            <tbody>
              {imp.items.map((i) => (
                <OutcomeRow key={i.path} item={i} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function OutcomeRow({ item }: { item: ImportItem }) {
  const parsing = item.outcome === 'created' && item.contractStatus === 'processing';
  const label = parsing
    ? t('import.outcomes.parsing')
    : tDynamic(`import.outcomes.${item.outcome}`);
  return (
    <tr data-outcome={item.outcome}>
      <td>{item.path}</td>
      <td>{item.contractId ? <Link to={`/contracts/${item.contractId}`}>{label}</Link> : label}</td>
      <td className="small">{item.message ?? ''}</td>
    </tr>
  );
}
