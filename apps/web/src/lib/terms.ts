import type { ContractTerms, Money, Party, TermField } from '../api/types';
import { t } from '../i18n';
import {
  formatDate,
  formatDuration,
  formatMoney,
  parseDuration,
  parseIsoDate,
  type DurationUnit,
} from './format';

export type TermKind = 'text' | 'date' | 'duration' | 'bool' | 'money' | 'parties';

export const TERM_KINDS: Record<TermField, TermKind> = {
  title: 'text',
  parties: 'parties',
  agreementDate: 'date',
  effectiveDate: 'date',
  expirationDate: 'date',
  perpetual: 'bool',
  initialTerm: 'duration',
  autoRenewal: 'bool',
  renewalTerm: 'duration',
  noticePeriod: 'duration',
  governingLaw: 'text',
  terminationForConvenience: 'bool',
  contractValue: 'money',
  paymentTerms: 'text',
};

export type TermValue = ContractTerms[TermField];

export function isEmptyTerm(v: TermValue | undefined): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

export function formatTerm(field: TermField, v: TermValue | undefined): string {
  if (isEmptyTerm(v)) return t('app.unknown');
  switch (TERM_KINDS[field]) {
    case 'date':
      return formatDate(v as string);
    case 'duration':
      return formatDuration(v as string);
    case 'bool':
      return v ? t('app.yes') : t('app.no');
    case 'money':
      return formatMoney(v as Money);
    case 'parties':
      return (v as Party[]).map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join('; ');
    case 'text':
      return String(v);
  }
}

/** The editable form of a value: plain strings for every input. */
export interface Draft {
  text: string;
  count: string;
  unit: DurationUnit;
  bool: '' | 'true' | 'false';
  amount: string;
  currency: string;
  parties: Array<{ name: string; role: string }>;
}

export function toDraft(
  field: TermField,
  v: TermValue | undefined,
  fallbackCurrency = 'EUR',
): Draft {
  const d: Draft = {
    text: '',
    count: '',
    unit: 'M',
    bool: '',
    amount: '',
    currency: fallbackCurrency,
    parties: [],
  };
  if (isEmptyTerm(v)) return d;
  switch (TERM_KINDS[field]) {
    case 'text':
    case 'date':
      d.text = String(v);
      break;
    case 'duration': {
      const p = parseDuration(v as string);
      if (p) {
        d.count = String(p.count);
        d.unit = p.unit;
      }
      break;
    }
    case 'bool':
      d.bool = v ? 'true' : 'false';
      break;
    case 'money':
      d.amount = String((v as Money).amount);
      d.currency = (v as Money).currency;
      break;
    case 'parties':
      d.parties = (v as Party[]).map((p) => ({ name: p.name, role: p.role ?? '' }));
      break;
  }
  return d;
}

/** Validates a draft; returns the API value, or an error message for each bad input. */
export function fromDraft(
  field: TermField,
  d: Draft,
): { value: TermValue } | { errors: Record<string, string> } {
  switch (TERM_KINDS[field]) {
    case 'text': {
      const s = d.text.trim();
      return { value: s ? s : null };
    }
    case 'date': {
      if (!d.text) return { value: null };
      return parseIsoDate(d.text)
        ? { value: d.text }
        : { errors: { text: t('terms.validation.date') } };
    }
    case 'duration': {
      if (!d.count.trim()) return { value: null };
      const n = Number(d.count);
      if (!Number.isInteger(n) || n <= 0 || n > 1000)
        return { errors: { count: t('terms.validation.duration') } };
      return { value: `P${n}${d.unit}` };
    }
    case 'bool':
      return { value: d.bool === '' ? null : d.bool === 'true' };
    case 'money': {
      if (!d.amount.trim()) return { value: null };
      const errors: Record<string, string> = {};
      const amount = Number(d.amount.replace(/\s/g, '').replace(',', '.'));
      if (!Number.isFinite(amount) || amount < 0) errors.amount = t('terms.validation.amount');
      const currency = d.currency.trim().toUpperCase();
      if (!/^[A-Z]{3}$/.test(currency)) errors.currency = t('terms.validation.currency');
      return Object.keys(errors).length ? { errors } : { value: { amount, currency } };
    }
    case 'parties': {
      const rows = d.parties.filter((p) => p.name.trim() || p.role.trim());
      if (rows.some((p) => !p.name.trim()))
        return { errors: { parties: t('terms.validation.partyName') } };
      return { value: rows.map((p) => ({ name: p.name.trim(), role: p.role.trim() || null })) };
    }
  }
}
