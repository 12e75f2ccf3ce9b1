import { DEFAULT_ALERT_LANGUAGE, type AlertLanguage } from '@cb/domain';
import type { RenderedMail } from './alert-message';
import { escapeHtml } from './html.util';
import { mailCatalogue } from './mail-catalogue';

/**
 * The e-mails to a tenant's owners about its subscription: every change (an order placed, a plan activated or
 * changed, a cancellation and its reactivation, a paid invoice), in the tenant's e-mail language.
 */
export type BillingNotice =
  | { kind: 'orderPlaced'; plan: string; interval: 'month' | 'year'; total: Money; net: Money; vatRatePercent: number; reverseCharge: boolean; billingEmail: string; dueNow?: Money | null }
  | { kind: 'activated'; plan: string; periodEnd: string; invoiceNumber: string | null; invoiceTotal: Money | null; dueDate: string | null }
  | { kind: 'planChanged'; plan: string; interval: 'month' | 'year'; periodEnd: string | null }
  | { kind: 'canceled'; plan: string; periodEnd: string | null }
  | { kind: 'reactivated'; plan: string; periodEnd: string | null }
  | { kind: 'invoicePaid'; invoiceNumber: string; invoiceTotal: Money }; // prettier-ignore

export interface Money {
  amount: number;
  currency: string;
}

export interface BillingMailInput {
  notice: BillingNotice;
  ownerName: string;
  company: string;
  link: string;
  language?: AlertLanguage;
}

interface Words {
  hello(name: string): string;
  per: Record<'month' | 'year', string>;
  vat(rate: number): string;
  reverseCharge: string;
  open: string;
  subject: Record<BillingNotice['kind'], (plan: string) => string>;
  orderPlaced(company: string, plan: string, price: string, per: string, email: string): string;
  orderNext: string;
  dueNow(amount: string): string;
  activated(company: string, plan: string, until: string): string;
  invoice(number: string, total: string, due: string): string;
  planChanged(company: string, plan: string, per: string, until: string | null): string;
  canceled(company: string, plan: string, until: string | null): string;
  reactivated(company: string, plan: string, until: string | null): string;
  invoicePaid(number: string, total: string): string;
}

const en: Words = {
  hello: (n) => `Hello ${n},`,
  per: { month: 'month', year: 'year' },
  vat: (r) => `VAT ${r} %`,
  reverseCharge: 'no VAT: reverse charge',
  open: 'Open your subscription',
  subject: {
    orderPlaced: (p) => `We received your order for Contract Bank ${p}`,
    activated: (p) => `Your Contract Bank ${p} plan is active`,
    planChanged: (p) => `Your Contract Bank plan is now ${p}`,
    canceled: () => 'Your Contract Bank subscription is canceled',
    reactivated: () => 'Your Contract Bank subscription continues',
    invoicePaid: () => 'Receipt: your Contract Bank invoice is paid',
  },
  orderPlaced: (c, p, price, per, email) =>
    `We received the order of ${c} for the ${p} plan. We will invoice ${c} ${price} per ${per}; invoices go to ${email}.`,
  orderNext:
    'The plan starts when we activate the order; until then nothing changes and nothing is charged.',
  dueNow: (a) => `For the rest of the current period, ${a} is invoiced now.`,
  activated: (c, p, u) => `The ${p} plan of ${c} is active. The current period ends on ${u}.`,
  invoice: (n, t, d) => `Invoice ${n} of ${t} is due on ${d}.`,
  planChanged: (c, p, per, u) =>
    `The plan of ${c} is now ${p}, billed per ${per}${u ? `; the current period ends on ${u}` : ''}.`,
  canceled: (c, p, u) =>
    `The ${p} subscription of ${c} is canceled${u ? ` and ends on ${u}. Until then everything works as before, and you can reactivate it` : ''}.`,
  reactivated: (c, p, u) =>
    `The ${p} subscription of ${c} continues${u ? `; it renews on ${u}` : ''}.`,
  invoicePaid: (n, t) => `Thank you: we received ${t} for invoice ${n}.`,
};

const fi: Words = {
  hello: (n) => `Hei ${n},`,
  per: { month: 'kuukausi', year: 'vuosi' },
  vat: (r) => `ALV ${r} %`,
  reverseCharge: 'ei ALV:tä: käännetty verovelvollisuus',
  open: 'Avaa tilauksesi',
  subject: {
    orderPlaced: (p) => `Vastaanotimme tilauksesi: Contract Bank ${p}`,
    activated: (p) => `Contract Bank ${p} -tilauksesi on voimassa`,
    planChanged: (p) => `Contract Bank -tilauksesi on nyt ${p}`,
    canceled: () => 'Contract Bank -tilauksesi on peruttu',
    reactivated: () => 'Contract Bank -tilauksesi jatkuu',
    invoicePaid: () => 'Kuitti: Contract Bank -laskusi on maksettu',
  },
  orderPlaced: (c, p, price, per, email) =>
    `Vastaanotimme organisaation ${c} tilauksen (${p}). Laskutamme organisaatiota ${c} ${price} / ${per}; laskut lähetetään osoitteeseen ${email}.`,
  orderNext: 'Tilaus alkaa, kun aktivoimme sen; siihen asti mikään ei muutu eikä mitään veloiteta.',
  dueNow: (a) => `Kuluvan jakson loppuosasta laskutetaan nyt ${a}.`,
  activated: (c, p, u) => `Organisaation ${c} ${p}-tilaus on voimassa. Kuluva jakso päättyy ${u}.`,
  invoice: (n, t, d) => `Lasku ${n} (${t}) erääntyy ${d}.`,
  planChanged: (c, p, per, u) =>
    `Organisaation ${c} tilaus on nyt ${p}, laskutusjakso ${per}${u ? `; kuluva jakso päättyy ${u}` : ''}.`,
  canceled: (c, p, u) =>
    `Organisaation ${c} ${p}-tilaus on peruttu${u ? ` ja päättyy ${u}. Siihen asti kaikki toimii kuten ennenkin, ja voit jatkaa tilausta` : ''}.`,
  reactivated: (c, p, u) =>
    `Organisaation ${c} ${p}-tilaus jatkuu${u ? `; se uusiutuu ${u}` : ''}.`,
  invoicePaid: (n, t) => `Kiitos: vastaanotimme ${t} laskulle ${n}.`,
};

const sv: Words = {
  hello: (n) => `Hej ${n},`,
  per: { month: 'månad', year: 'år' },
  vat: (r) => `moms ${r} %`,
  reverseCharge: 'ingen moms: omvänd skattskyldighet',
  open: 'Öppna ert abonnemang',
  subject: {
    orderPlaced: (p) => `Vi har tagit emot er beställning av Contract Bank ${p}`,
    activated: (p) => `Ert Contract Bank ${p}-abonnemang är aktivt`,
    planChanged: (p) => `Ert Contract Bank-abonnemang är nu ${p}`,
    canceled: () => 'Ert Contract Bank-abonnemang är uppsagt',
    reactivated: () => 'Ert Contract Bank-abonnemang fortsätter',
    invoicePaid: () => 'Kvitto: er Contract Bank-faktura är betald',
  },
  orderPlaced: (c, p, price, per, email) =>
    `Vi har tagit emot beställningen från ${c} av abonnemanget ${p}. Vi fakturerar ${c} ${price} per ${per}; fakturorna skickas till ${email}.`,
  orderNext:
    'Abonnemanget börjar när vi aktiverar beställningen; fram till dess ändras inget och inget debiteras.',
  dueNow: (a) => `För resten av den pågående perioden faktureras ${a} nu.`,
  activated: (c, p, u) =>
    `Abonnemanget ${p} för ${c} är aktivt. Den pågående perioden slutar ${u}.`,
  invoice: (n, t, d) => `Faktura ${n} på ${t} förfaller ${d}.`,
  planChanged: (c, p, per, u) =>
    `Abonnemanget för ${c} är nu ${p}, faktureras per ${per}${u ? `; den pågående perioden slutar ${u}` : ''}.`,
  canceled: (c, p, u) =>
    `Abonnemanget ${p} för ${c} är uppsagt${u ? ` och upphör ${u}. Till dess fungerar allt som förut, och ni kan återaktivera det` : ''}.`,
  reactivated: (c, p, u) =>
    `Abonnemanget ${p} för ${c} fortsätter${u ? `; det förnyas ${u}` : ''}.`,
  invoicePaid: (n, t) => `Tack: vi har tagit emot ${t} för faktura ${n}.`,
};

const WORDS: Record<AlertLanguage, Words> = { en, fi, sv };
const LOCALES: Record<AlertLanguage, string> = { en: 'en-GB', fi: 'fi-FI', sv: 'sv-SE' };

export function formatMailMoney(
  m: Money,
  language: AlertLanguage = DEFAULT_ALERT_LANGUAGE,
): string {
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency: m.currency,
  }).format(m.amount);
}

export function renderBillingEmail(input: BillingMailInput): RenderedMail {
  const language = input.language ?? DEFAULT_ALERT_LANGUAGE;
  const w = WORDS[language];
  const { htmlLang, date } = mailCatalogue(language);
  const money = (m: Money) => formatMailMoney(m, language);
  const day = (iso: string | null) => (iso ? date(iso.slice(0, 10)) : null);
  const n = input.notice;
  const c = input.company;
  const lines: string[] = [];
  switch (n.kind) {
    case 'orderPlaced': {
      const tax = n.reverseCharge
        ? w.reverseCharge
        : `${money(n.net)} + ${w.vat(n.vatRatePercent)}`;
      lines.push(
        w.orderPlaced(c, n.plan, `${money(n.total)} (${tax})`, w.per[n.interval], n.billingEmail),
      );
      if (n.dueNow) lines.push(w.dueNow(money(n.dueNow)));
      lines.push(w.orderNext);
      break;
    }
    case 'activated':
      lines.push(w.activated(c, n.plan, day(n.periodEnd)!));
      if (n.invoiceNumber && n.invoiceTotal && n.dueDate)
        lines.push(w.invoice(n.invoiceNumber, money(n.invoiceTotal), day(n.dueDate)!));
      break;
    case 'planChanged':
      lines.push(w.planChanged(c, n.plan, w.per[n.interval], day(n.periodEnd)));
      break;
    case 'canceled':
      lines.push(w.canceled(c, n.plan, day(n.periodEnd)));
      break;
    case 'reactivated':
      lines.push(w.reactivated(c, n.plan, day(n.periodEnd)));
      break;
    case 'invoicePaid':
      lines.push(w.invoicePaid(n.invoiceNumber, money(n.invoiceTotal)));
      break;
  }
  const plan = 'plan' in n ? n.plan : '';
  const hello = w.hello(input.ownerName);
  return {
    subject: w.subject[n.kind](plan),
    text: `${hello}\n\n${lines.join('\n\n')}\n\n${w.open}: ${input.link}\n`,
    html: `<!doctype html>\n<html lang="${htmlLang}"><body><p>${escapeHtml(hello)}</p>${lines
      .map((l) => `<p>${escapeHtml(l)}</p>`)
      .join('')}<p><a href="${escapeHtml(input.link)}">${escapeHtml(w.open)}</a></p></body></html>`,
  };
}
