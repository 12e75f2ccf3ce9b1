import { DEFAULT_ALERT_LANGUAGE, type AlertLanguage } from '@cb/domain';
import type { RenderedMail } from './alert-message';
import { escapeHtml } from './html.util';
import { mailCatalogue } from './mail-catalogue';

/**
 * The account e-mails (an invitation to join a team, the reminder before a trial ends) in the tenant's
 * e-mail language: the `language` of its alert settings. English is the default.
 */
export interface InvitationMailInput {
  tenantName: string;
  link: string;
  days: number;
  language?: AlertLanguage;
}

export interface TrialReminderMailInput {
  ownerName: string;
  /** The company's name, or null when unknown. */
  company: string | null;
  /** The last day of the trial, YYYY-MM-DD. */
  endDate: string;
  days: number;
  link: string;
  language?: AlertLanguage;
}

export interface PasswordResetMailInput {
  name: string;
  link: string;
  /** How long the link works, in minutes. */
  minutes: number;
  language?: AlertLanguage;
}

export interface EmailVerificationMailInput {
  name: string;
  link: string;
  /** How long the link works, in hours. */
  hours: number;
  language?: AlertLanguage;
}

interface AccountCatalogue {
  emailVerification: {
    subject: string;
    hello(name: string): string;
    body: string;
    link: string;
    validFor(hours: number): string;
    notYou: string;
  };
  passwordReset: {
    subject: string;
    hello(name: string): string;
    body: string;
    link: string;
    validFor(minutes: number): string;
    notYou: string;
  };
  invitation: {
    subject(tenant: string): string;
    invited(tenant: string): string;
    acceptWithin(days: number, link: string): string;
    /** HTML: the link text, and what follows it. */
    acceptLink: string;
    withinDays(days: number): string;
  };
  trial: {
    subject(days: number): string;
    hello(name: string): string;
    body(company: string, date: string): string;
    yourCompany: string;
    choosePlan: string;
  };
}

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

const en: AccountCatalogue = {
  emailVerification: {
    subject: 'Confirm your e-mail address for Contract Bank',
    hello: (name) => `Hello ${name},`,
    body: 'Welcome to Contract Bank. Confirm that this is your e-mail address: deadline alerts are sent only to confirmed addresses.',
    link: 'Confirm my e-mail address',
    validFor: (hours) => `The link works once, for ${hours} hours.`,
    notYou: 'If you did not sign up, ignore this e-mail.',
  },
  passwordReset: {
    subject: 'Reset your Contract Bank password',
    hello: (name) => `Hello ${name},`,
    body: 'Someone asked to reset the password of your Contract Bank account.',
    link: 'Choose a new password',
    validFor: (minutes) =>
      `The link works once, for ${minutes} minutes. Resetting signs you out everywhere.`,
    notYou: 'If it was not you, ignore this e-mail: your password stays as it is.',
  },
  invitation: {
    subject: (tenant) => `Join ${tenant} on Contract Bank`,
    invited: (tenant) => `You have been invited to ${tenant} on Contract Bank.`,
    acceptWithin: (days, link) => `Accept within ${days} days: ${link}`,
    acceptLink: 'Accept the invitation',
    withinDays: (days) => ` within ${days} days.`,
  },
  trial: {
    subject: (days) => `Your Contract Bank trial ends in ${days} day${plural(days, '', 's')}`,
    hello: (name) => `Hello ${name},`,
    body: (company, date) =>
      `The trial of ${company} ends on ${date}. After that you keep read access to every contract and deadline, but uploads, corrections and alerts stop until you choose a plan.`,
    yourCompany: 'your company',
    choosePlan: 'Choose a plan',
  },
};

const fi: AccountCatalogue = {
  emailVerification: {
    subject: 'Vahvista sähköpostiosoitteesi Contract Bankiin',
    hello: (name) => `Hei ${name},`,
    body: 'Tervetuloa Contract Bankiin. Vahvista, että tämä on sähköpostiosoitteesi: määräpäivien muistutukset lähetetään vain vahvistettuihin osoitteisiin.',
    link: 'Vahvista sähköpostiosoitteeni',
    validFor: (hours) => `Linkki toimii kerran, ${hours} tunnin ajan.`,
    notYou: 'Jos et rekisteröitynyt, voit jättää viestin huomiotta.',
  },
  passwordReset: {
    subject: 'Vaihda Contract Bank -salasanasi',
    hello: (name) => `Hei ${name},`,
    body: 'Contract Bank -tilisi salasanan vaihtamista on pyydetty.',
    link: 'Valitse uusi salasana',
    validFor: (minutes) =>
      `Linkki toimii kerran, ${minutes} minuutin ajan. Vaihto kirjaa sinut ulos kaikkialta.`,
    notYou: 'Jos et pyytänyt tätä, voit jättää viestin huomiotta: salasanasi pysyy ennallaan.',
  },
  invitation: {
    subject: (tenant) => `Liity Contract Bankiin: ${tenant}`,
    invited: (tenant) => `Sinut on kutsuttu Contract Bankiin organisaatioon ${tenant}.`,
    acceptWithin: (days, link) => `Hyväksy kutsu ${days} päivän kuluessa: ${link}`,
    acceptLink: 'Hyväksy kutsu',
    withinDays: (days) => ` ${days} päivän kuluessa.`,
  },
  trial: {
    subject: (days) => `Contract Bank -kokeilujaksosi päättyy ${days} päivän kuluttua`,
    hello: (name) => `Hei ${name},`,
    body: (company, date) =>
      `Organisaation ${company} kokeilujakso päättyy ${date}. Sen jälkeen voit yhä katsella kaikkia sopimuksia ja määräpäiviä, mutta tiedostojen tuonti, korjaukset ja muistutukset keskeytyvät, kunnes valitset tilauksen.`,
    yourCompany: 'organisaatiosi',
    choosePlan: 'Valitse tilaus',
  },
};

const sv: AccountCatalogue = {
  emailVerification: {
    subject: 'Bekräfta din e-postadress för Contract Bank',
    hello: (name) => `Hej ${name},`,
    body: 'Välkommen till Contract Bank. Bekräfta att detta är din e-postadress: påminnelser om tidsfrister skickas bara till bekräftade adresser.',
    link: 'Bekräfta min e-postadress',
    validFor: (hours) => `Länken fungerar en gång, i ${hours} timmar.`,
    notYou: 'Om du inte har registrerat dig kan du bortse från meddelandet.',
  },
  passwordReset: {
    subject: 'Återställ ditt lösenord till Contract Bank',
    hello: (name) => `Hej ${name},`,
    body: 'Någon har bett om att återställa lösenordet till ditt Contract Bank-konto.',
    link: 'Välj ett nytt lösenord',
    validFor: (minutes) =>
      `Länken fungerar en gång, i ${minutes} minuter. Återställningen loggar ut dig överallt.`,
    notYou: 'Om det inte var du kan du bortse från meddelandet: ditt lösenord förblir oförändrat.',
  },
  invitation: {
    subject: (tenant) => `Gå med i ${tenant} på Contract Bank`,
    invited: (tenant) => `Du har bjudits in till ${tenant} på Contract Bank.`,
    acceptWithin: (days, link) => `Tacka ja inom ${days} dagar: ${link}`,
    acceptLink: 'Tacka ja till inbjudan',
    withinDays: (days) => ` inom ${days} dagar.`,
  },
  trial: {
    subject: (days) =>
      `Din provperiod på Contract Bank slutar om ${days} ${plural(days, 'dag', 'dagar')}`,
    hello: (name) => `Hej ${name},`,
    body: (company, date) =>
      `Provperioden för ${company} slutar ${date}. Därefter kan du fortfarande läsa alla avtal och tidsfrister, men uppladdningar, rättelser och påminnelser stoppas tills du väljer ett abonnemang.`,
    yourCompany: 'ert företag',
    choosePlan: 'Välj abonnemang',
  },
};

const CATALOGUES: Record<AlertLanguage, AccountCatalogue> = { en, fi, sv };

export function renderInvitationEmail(input: InvitationMailInput): RenderedMail {
  const c = CATALOGUES[input.language ?? DEFAULT_ALERT_LANGUAGE].invitation;
  const { htmlLang } = mailCatalogue(input.language);
  return {
    subject: c.subject(input.tenantName),
    text: `${c.invited(input.tenantName)}\n\n${c.acceptWithin(input.days, input.link)}\n`,
    html: `<!doctype html>\n<html lang="${htmlLang}"><body><p>${escapeHtml(c.invited(input.tenantName))}</p><p><a href="${input.link}">${escapeHtml(c.acceptLink)}</a>${escapeHtml(c.withinDays(input.days))}</p></body></html>`,
  };
}

export function renderTrialReminderEmail(input: TrialReminderMailInput): RenderedMail {
  const c = CATALOGUES[input.language ?? DEFAULT_ALERT_LANGUAGE].trial;
  // Dates and the html lang as in every other e-mail of this language.
  const { htmlLang, date: formatDate } = mailCatalogue(input.language);
  const company = input.company ?? c.yourCompany;
  const date = formatDate(input.endDate);
  return {
    subject: c.subject(input.days),
    text: `${c.hello(input.ownerName)}\n\n${c.body(company, date)}\n\n${c.choosePlan}: ${input.link}\n`,
    html: `<!doctype html>\n<html lang="${htmlLang}"><body><p>${escapeHtml(c.hello(input.ownerName))}</p><p>${escapeHtml(c.body(company, date))}</p><p><a href="${input.link}">${escapeHtml(c.choosePlan)}</a></p></body></html>`,
  };
}

export function renderPasswordResetEmail(input: PasswordResetMailInput): RenderedMail {
  const c = CATALOGUES[input.language ?? DEFAULT_ALERT_LANGUAGE].passwordReset;
  const { htmlLang } = mailCatalogue(input.language);
  return {
    subject: c.subject,
    text: `${c.hello(input.name)}\n\n${c.body}\n\n${c.link}: ${input.link}\n\n${c.validFor(input.minutes)}\n${c.notYou}\n`,
    html: `<!doctype html>\n<html lang="${htmlLang}"><body><p>${escapeHtml(c.hello(input.name))}</p><p>${escapeHtml(c.body)}</p><p><a href="${input.link}">${escapeHtml(c.link)}</a></p><p>${escapeHtml(c.validFor(input.minutes))}</p><p>${escapeHtml(c.notYou)}</p></body></html>`,
  };
}

export function renderEmailVerificationEmail(input: EmailVerificationMailInput): RenderedMail {
  const c = CATALOGUES[input.language ?? DEFAULT_ALERT_LANGUAGE].emailVerification;
  const { htmlLang } = mailCatalogue(input.language);
  return {
    subject: c.subject,
    text: `${c.hello(input.name)}\n\n${c.body}\n\n${c.link}: ${input.link}\n\n${c.validFor(input.hours)}\n${c.notYou}\n`,
    html: `<!doctype html>\n<html lang="${htmlLang}"><body><p>${escapeHtml(c.hello(input.name))}</p><p>${escapeHtml(c.body)}</p><p><a href="${escapeHtml(input.link)}">${escapeHtml(c.link)}</a></p><p>${escapeHtml(c.validFor(input.hours))}</p><p>${escapeHtml(c.notYou)}</p></body></html>`,
  };
}
