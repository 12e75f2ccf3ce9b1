import { useState } from 'react';
import { request } from '../../api/client';
import type { Contract } from '../../api/types';
import { ProblemAlert } from '../../components/feedback';
import { languages, t } from '../../i18n';

type LetterFormat = 'pdf' | 'docx';
const LETTER_LANGUAGES: readonly string[] = languages.map((l) => l.code);

/** The download name the API gives (Content-Disposition `filename*`, else `filename`). */
function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/**
 * "Download notice letter": a non-renewal or termination letter filled in from the contract
 * (GET /v1/contracts/:id/notice-letter), as PDF or DOCX, in the contract's language by default.
 */
export function NoticeLetterAction({ contract }: { contract: Contract }) {
  const initial = LETTER_LANGUAGES.includes(contract.language ?? '') ? contract.language! : 'en';
  const [language, setLanguage] = useState<string>(initial);
  const [busy, setBusy] = useState<LetterFormat | null>(null);
  const [error, setError] = useState<unknown>(null);

  const download = async (format: LetterFormat) => {
    setError(null);
    setBusy(format);
    try {
      const res = await request(`/v1/contracts/${contract.id}/notice-letter`, {
        query: { format, language },
      });
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = fileNameOf(res, `notice-letter.${format}`);
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="notice-letter" data-testid="notice-letter">
      <h3>{t('detail.letterTitle')}</h3>
      <p className="muted small">{t('detail.letterLead')}</p>
      <div className="notice-letter-actions">
        <label htmlFor="letter-language">{t('detail.letterLanguage')}</label>{' '}
        <select id="letter-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
          {languages.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </select>{' '}
        <button
          type="button"
          className="btn btn-small"
          disabled={busy !== null}
          onClick={() => void download('pdf')}
        >
          {t('detail.letterPdf')}
        </button>{' '}
        <button
          type="button"
          className="btn btn-small btn-ghost"
          disabled={busy !== null}
          onClick={() => void download('docx')}
        >
          {t('detail.letterDocx')}
        </button>
      </div>
      <ProblemAlert error={error} />
    </div>
  );
}
