import type { RenderedMail } from './alert-message';
import { escapeHtml } from './html.util';

/** One attachment of a forwarded e-mail and what became of it. */
export interface InboundReplyItem {
  fileName: string;
  outcome: 'created' | 'duplicate' | 'refused';
  /** The contract made (created) or already holding the same file (duplicate). */
  contractId: string | null;
  message: string;
}

/**
 * The reply to someone who e-mailed contracts in: each attachment with a link to its contract, or why it was
 * refused. English: the sender's language is unknown and the message is short.
 */
export function inboundReplyMail(input: {
  subject: string | null;
  items: readonly InboundReplyItem[];
  appUrl: string;
}): RenderedMail {
  const created = input.items.filter((i) => i.outcome === 'created').length;
  const summary =
    input.items.length === 0
      ? 'No attachment was a contract: send PDF, DOCX or TXT files as attachments.'
      : `${created} of ${input.items.length} attachment${input.items.length === 1 ? '' : 's'} became ${created === 1 ? 'a contract' : 'contracts'} in Contract Bank.`;
  const link = (id: string) => `${input.appUrl}/contracts/${id}`;
  const line = (i: InboundReplyItem) =>
    `- ${i.fileName}: ${i.message}${i.contractId ? ` ${link(i.contractId)}` : ''}`;
  const text = [summary, '', ...input.items.map(line)].join('\n');
  const html = `<p>${escapeHtml(summary)}</p>${
    input.items.length
      ? `<ul>${input.items
          .map(
            (i) =>
              `<li><strong>${escapeHtml(i.fileName)}</strong>: ${escapeHtml(i.message)}${
                i.contractId
                  ? ` <a href="${escapeHtml(link(i.contractId))}">${i.outcome === 'created' ? 'Open the contract' : 'Open the contract already in the bank'}</a>`
                  : ''
              }</li>`,
          )
          .join('')}</ul>`
      : ''
  }`;
  const subject = `Re: ${(input.subject ?? 'your contracts').replace(/[\r\n]+/g, ' ').slice(0, 150)}`;
  return { subject, text, html };
}
