import type { AlertLanguage } from '@cb/domain';
import type { RenderedMail } from './alert-message';
import { escapeHtml } from './html.util';

/** One attachment of a forwarded e-mail and what became of it. */
export interface InboundReplyItem {
  fileName: string;
  outcome: 'created' | 'duplicate' | 'refused';
  /** The contract made (created) or already holding the same file (duplicate). */
  contractId: string | null;
  /** Why it was refused, in English (the domain error's message): shown when `code` has no translation. */
  message: string;
  /** The domain error code of a refusal (e.g. `unsupported_media_type`), for the reply's own words. */
  code?: string;
}

interface ReplyWords {
  summary(created: number, total: number): string;
  nothing: string;
  created: string;
  duplicate: string;
  open: string;
  openExisting: string;
  /** Refusals in the reply's language, by domain error code; others keep the English message. */
  refused: Partial<Record<string, string>>;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The reply's words; the tenant's e-mail language (alert settings) chooses one. */
const WORDS: Record<AlertLanguage, ReplyWords> = {
  en: {
    summary: (created, total) =>
      `${created} of ${total} ${plural(total, 'attachment', 'attachments')} became ${plural(created, 'a contract', 'contracts')} in Contract Bank.`,
    nothing: 'No attachment was a contract: send PDF, DOCX or TXT files as attachments.',
    created: 'created',
    duplicate: 'already in the bank',
    open: 'Open the contract',
    openExisting: 'Open the contract already in the bank',
    refused: {},
  },
  fi: {
    summary: (created, total) =>
      `${plural(total, 'Liitteitä oli 1', `Liitteitä oli ${total}`)}, ${plural(total, 'josta', 'joista')} ${created} tallennettiin Contract Bankiin ${plural(created, 'sopimukseksi', 'sopimuksiksi')}.`,
    nothing: 'Yksikään liite ei ollut sopimus: lähetä PDF-, DOCX- tai TXT-tiedostot liitteinä.',
    created: 'tallennettu',
    duplicate: 'on jo pankissa',
    open: 'Avaa sopimus',
    openExisting: 'Avaa pankissa jo oleva sopimus',
    refused: {
      empty_file: 'Tiedosto on tyhjä',
      unsupported_media_type:
        'Tiedosto ei ole PDF-, DOCX- tai tekstitiedosto (päätelty sisällöstä, ei nimestä)',
      payload_too_large: 'Tiedosto on suurempi kuin sallittu enimmäiskoko',
      plan_limit: 'Tilauksesi sopimusmäärän raja on täynnä',
    },
  },
  sv: {
    summary: (created, total) =>
      `${created} av ${total} ${plural(total, 'bilaga', 'bilagor')} blev ${plural(created, 'ett avtal', 'avtal')} i Contract Bank.`,
    nothing: 'Ingen bilaga var ett avtal: skicka PDF-, DOCX- eller TXT-filer som bilagor.',
    created: 'skapat',
    duplicate: 'finns redan i banken',
    open: 'Öppna avtalet',
    openExisting: 'Öppna avtalet som redan finns i banken',
    refused: {
      empty_file: 'Filen är tom',
      unsupported_media_type:
        'Filen är inte ett PDF-, DOCX- eller textdokument (bedömt efter innehållet, inte namnet)',
      payload_too_large: 'Filen är större än den tillåtna storleken',
      plan_limit: 'Abonnemangets gräns för antalet avtal är nådd',
    },
  },
};

/**
 * The reply to someone who e-mailed contracts in: each attachment with a link to its contract, or why it was
 * refused, in the tenant's e-mail language (the one its alerts use).
 */
export function inboundReplyMail(input: {
  subject: string | null;
  items: readonly InboundReplyItem[];
  appUrl: string;
  language?: AlertLanguage;
}): RenderedMail {
  const words = WORDS[input.language ?? 'en'];
  const created = input.items.filter((i) => i.outcome === 'created').length;
  const summary =
    input.items.length === 0 ? words.nothing : words.summary(created, input.items.length);
  const link = (id: string) => `${input.appUrl}/contracts/${id}`;
  const said = (i: InboundReplyItem) =>
    i.outcome === 'created'
      ? words.created
      : i.outcome === 'duplicate'
        ? words.duplicate
        : ((i.code && words.refused[i.code]) ?? i.message);
  const line = (i: InboundReplyItem) =>
    `- ${i.fileName}: ${said(i)}${i.contractId ? ` ${link(i.contractId)}` : ''}`;
  const text = [summary, '', ...input.items.map(line)].join('\n');
  const html = `<p>${escapeHtml(summary)}</p>${
    input.items.length
      ? `<ul>${input.items
          .map(
            (i) =>
              `<li><strong>${escapeHtml(i.fileName)}</strong>: ${escapeHtml(said(i))}${
                i.contractId
                  ? ` <a href="${escapeHtml(link(i.contractId))}">${escapeHtml(i.outcome === 'created' ? words.open : words.openExisting)}</a>`
                  : ''
              }</li>`,
          )
          .join('')}</ul>`
      : ''
  }`;
  const subject = `Re: ${(input.subject ?? 'your contracts').replace(/[\r\n]+/g, ' ').slice(0, 150)}`;
  return { subject, text, html };
}
