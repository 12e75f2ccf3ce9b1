import {
  DomainError,
  DomainErrorCode,
  ValidationError,
  type FieldError,
} from '../common/domain.error';

/**
 * The plan catalogue: which plans exist, their monthly and yearly prices, the VAT rule and the limits. It comes
 * from configuration (config/plans.json, or the file PLANS_FILE names), validated by `parsePlanCatalogue`; no
 * price or limit is written in code. The trial plan (`trial`) must be in it: signups start on it.
 */
export type PlanId = string;
/** The plan every signup starts on; it cannot be chosen or bought. */
export const TRIAL_PLAN_ID = 'trial';
export const BILLING_INTERVALS = ['month', 'year'] as const;
export type BillingInterval = (typeof BILLING_INTERVALS)[number];
export const PLAN_LANGUAGES = ['en', 'fi', 'sv'] as const;
export type PlanLanguage = (typeof PLAN_LANGUAGES)[number];

export type LimitedResource = 'contracts' | 'users';
/** `null` is unlimited. */
export type PlanLimits = Readonly<Record<LimitedResource, number | null>>;
export type PlanUsage = Readonly<Record<LimitedResource, number>>;

export interface Plan {
  id: PlanId;
  name: string;
  /** A sentence per UI language (en is required, fi and sv fall back to it). */
  description: Readonly<Record<PlanLanguage, string>>;
  limits: PlanLimits;
  /** Price per interval in minor units of the catalogue currency (4900 = 49.00 EUR); none for the trial. */
  prices: Readonly<Partial<Record<BillingInterval, number>>>;
  /** `false`: no longer offered, but tenants already on it keep it and its limits. */
  available: boolean;
}

export interface VatPolicy {
  /** The seller's country (ISO 3166-1 alpha-2): its customers, and those without a VAT id, pay its VAT. */
  sellerCountry: string;
  /** The seller country's standard rate, in percent (25.5 in Finland since 1 September 2024). */
  ratePercent: number;
  /** Whether the catalogue's prices include that VAT (B2C style) or exclude it (B2B style, the default). */
  pricesIncludeVat: boolean;
  /** Businesses with a VAT id of another EU member state are invoiced without VAT (reverse charge). */
  reverseChargeInEu: boolean;
}

export interface PlanCatalogue {
  currency: 'EUR';
  vat: VatPolicy;
  plans: readonly Plan[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const PLAN_ID = /^[a-z][a-z0-9-]{1,30}$/;

/** Validates a catalogue read from JSON; throws a ValidationError naming every bad field (`plans[1].prices.year`). */
export function parsePlanCatalogue(raw: unknown): PlanCatalogue {
  const errors: FieldError[] = [];
  const bad = (field: string, message: string) => errors.push({ field, message });
  if (!isObj(raw)) throw new ValidationError('The plan catalogue must be a JSON object');
  if (raw.currency !== 'EUR') bad('currency', 'must be "EUR"');
  const vat = isObj(raw.vat) ? raw.vat : {};
  if (!isObj(raw.vat)) bad('vat', 'must be an object');
  if (typeof vat.sellerCountry !== 'string' || !/^[A-Z]{2}$/.test(vat.sellerCountry))
    bad('vat.sellerCountry', 'must be a two-letter country code such as "FI"');
  if (typeof vat.ratePercent !== 'number' || !(vat.ratePercent >= 0 && vat.ratePercent < 100))
    bad('vat.ratePercent', 'must be a number from 0 to 99.99');
  for (const flag of ['pricesIncludeVat', 'reverseChargeInEu'] as const)
    if (typeof vat[flag] !== 'boolean') bad(`vat.${flag}`, 'must be true or false');

  const plans: Plan[] = [];
  if (!Array.isArray(raw.plans) || raw.plans.length === 0) bad('plans', 'must be a non-empty list');
  const seen = new Set<string>();
  (Array.isArray(raw.plans) ? (raw.plans as unknown[]) : []).forEach((p, i) => {
    const at = `plans[${i}]`;
    if (!isObj(p)) return bad(at, 'must be an object');
    const id = p.id;
    if (typeof id !== 'string' || !PLAN_ID.test(id))
      bad(`${at}.id`, 'must be 2-31 lower-case letters, digits or hyphens');
    else if (seen.has(id)) bad(`${at}.id`, `"${id}" appears twice`);
    else seen.add(id);
    if (typeof p.name !== 'string' || !p.name.trim()) bad(`${at}.name`, 'is required');
    const description: Partial<Record<PlanLanguage, string>> = {};
    const desc = isObj(p.description) ? p.description : {};
    if (typeof desc.en !== 'string' || !desc.en.trim())
      bad(`${at}.description.en`, 'is required (fi and sv fall back to it)');
    for (const lang of PLAN_LANGUAGES) {
      const text = desc[lang];
      if (text !== undefined && typeof text !== 'string')
        bad(`${at}.description.${lang}`, 'must be text');
      if (typeof text === 'string' && text.trim()) description[lang] = text;
    }
    const limits: Partial<Record<LimitedResource, number | null>> = {};
    const rawLimits = isObj(p.limits) ? p.limits : {};
    for (const resource of ['contracts', 'users'] as const) {
      const value = rawLimits[resource];
      if (value === null) limits[resource] = null;
      else if (typeof value === 'number' && Number.isInteger(value) && value >= 1)
        limits[resource] = value;
      else
        bad(
          `${at}.limits.${resource}`,
          'must be a whole number of at least 1, or null (unlimited)',
        );
    }
    const prices: Partial<Record<BillingInterval, number>> = {};
    const rawPrices = isObj(p.prices) ? p.prices : {};
    if (p.prices !== undefined && !isObj(p.prices)) bad(`${at}.prices`, 'must be an object');
    for (const key of Object.keys(rawPrices))
      if (!(BILLING_INTERVALS as readonly string[]).includes(key))
        bad(`${at}.prices.${key}`, 'must be "month" or "year"');
    for (const interval of BILLING_INTERVALS) {
      const value = rawPrices[interval];
      if (value === undefined) continue;
      const minor = typeof value === 'number' ? Math.round(value * 100) : NaN;
      if (!(minor > 0) || Math.abs(minor - (value as number) * 100) > 1e-6)
        bad(
          `${at}.prices.${interval}`,
          'must be a positive amount in euros with at most 2 decimals',
        );
      else prices[interval] = minor;
    }
    const available = p.available ?? true;
    if (typeof available !== 'boolean') bad(`${at}.available`, 'must be true or false');
    if (id === TRIAL_PLAN_ID && Object.keys(prices).length)
      bad(`${at}.prices`, 'the trial plan is free: give it no prices');
    const pricedIntervals = BILLING_INTERVALS.filter((i) => rawPrices[i] !== undefined);
    if (id !== TRIAL_PLAN_ID && pricedIntervals.length === 0)
      bad(`${at}.prices`, 'a paid plan needs a monthly or a yearly price');
    plans.push({
      id: typeof id === 'string' ? id : '',
      name: typeof p.name === 'string' ? p.name.trim() : '',
      description: {
        en: description.en ?? '',
        fi: description.fi ?? description.en ?? '',
        sv: description.sv ?? description.en ?? '',
      },
      limits: limits as PlanLimits,
      prices,
      available: available === true,
    });
  });
  if (Array.isArray(raw.plans) && !seen.has(TRIAL_PLAN_ID))
    bad('plans', `must include the "${TRIAL_PLAN_ID}" plan (signups start on it)`);
  if (errors.length) throw new ValidationError('The plan catalogue is not valid', errors);
  return Object.freeze({
    currency: 'EUR',
    vat: Object.freeze({
      sellerCountry: vat.sellerCountry as string,
      ratePercent: vat.ratePercent as number,
      pricesIncludeVat: vat.pricesIncludeVat as boolean,
      reverseChargeInEu: vat.reverseChargeInEu as boolean,
    }),
    plans: Object.freeze(plans.map((p) => Object.freeze(p))),
  });
}

/** The plan a tenant is on. An id missing from the catalogue is a configuration error (retire plans, never delete them). */
export function planOf(catalogue: PlanCatalogue, id: PlanId): Plan {
  const plan = catalogue.plans.find((p) => p.id === id);
  if (!plan)
    throw new Error(
      `plan "${id}" is not in the plan catalogue: mark retired plans "available": false instead of removing them`,
    );
  return plan;
}

/** Plans a tenant can choose now: available, priced, not the trial. */
export function offeredPlans(catalogue: PlanCatalogue): Plan[] {
  return catalogue.plans.filter(
    (p) => p.id !== TRIAL_PLAN_ID && p.available && Object.keys(p.prices).length > 0,
  );
}

export function isBillingInterval(value: unknown): value is BillingInterval {
  return typeof value === 'string' && (BILLING_INTERVALS as readonly string[]).includes(value);
}

/**
 * The plan and price a tenant asks for, or a ValidationError naming `plan` or `interval` (400): only offered
 * plans, at an interval the plan has a price for.
 */
export function chosenPrice(
  catalogue: PlanCatalogue,
  planId: unknown,
  interval: unknown = 'month',
): { plan: Plan; interval: BillingInterval; amountMinor: number } {
  const offered = offeredPlans(catalogue);
  const plan = offered.find((p) => p.id === planId);
  if (!plan)
    throw new ValidationError(`not a plan that can be chosen: ${String(planId)}`, [
      { field: 'plan', message: `must be one of ${offered.map((p) => p.id).join(', ')}` },
    ]);
  if (!isBillingInterval(interval) || plan.prices[interval] === undefined)
    throw new ValidationError(`the ${plan.name} plan has no ${String(interval)} price`, [
      {
        field: 'interval',
        message: `must be one of ${BILLING_INTERVALS.filter((i) => plan.prices[i] !== undefined).join(', ')}`,
      },
    ]);
  return { plan, interval, amountMinor: plan.prices[interval]! };
}

/**
 * Throws a DomainError `PlanLimit` when adding `adding` more of `resource` (default 1) would exceed the plan:
 * call it before creating a contract or inviting a user, with the current usage.
 */
export function checkLimit(
  plan: Plan,
  usage: PlanUsage,
  resource: LimitedResource,
  adding = 1,
): void {
  const limit = plan.limits[resource];
  if (limit !== null && usage[resource] + adding > limit) {
    throw new DomainError(
      DomainErrorCode.PlanLimit,
      `The ${plan.name} plan allows ${limit} ${resource}; ${usage[resource]} in use`,
      [{ field: resource, message: `limit ${limit} reached` }],
    );
  }
}

/** A well-formed plan id (stored on a subscription row); whether the catalogue has it is `planOf`'s question. */
export function isPlanId(value: unknown): value is PlanId {
  return typeof value === 'string' && PLAN_ID.test(value);
}
