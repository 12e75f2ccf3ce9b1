// Judges an extracted value against a CUAD-format label, field by field, with the same normalisation as
// ../shared/tools/score-extraction.mjs (dates exact, expiration within a day, durations by value, governing
// law by jurisdiction name, parties by name overlap). Used to label candidates for training and to measure
// the reliability of confidences. status: 'present' (a value is labelled), 'absent' (the contract does not
// say it: any value is wrong), 'unknown' (labelled but not normalisable, e.g. a partial date: not scored).
const norm = (s) =>
  String(s ?? '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
const dayMs = 86400000;
const dateOf = (s) => (typeof s === 'string' && /^\d{4}-\d{2}-\d{2}/.test(s) ? Date.parse(s.slice(0, 10)) : NaN);
export function durationKey(v) {
  if (!v) return null;
  if (typeof v === 'object' && v.value != null)
    v = { day: `P${v.value}D`, week: `P${v.value * 7}D`, month: `P${v.value}M`, year: `P${v.value}Y` }[v.unit] ?? null;
  if (typeof v !== 'string') return null;
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(v.trim().toUpperCase());
  if (!m) return null;
  const [, y, mo, w, d] = m.map((x) => (x ? +x : 0));
  if (w || d) return `d${y * 365 + mo * 30 + w * 7 + d}`;
  return `m${y * 12 + mo}`;
}
const hasSpan = (g, cat) => (g.spans?.[cat] || []).length > 0;
const cleanParty = (s) =>
  norm(s).replace(/\b(inc|incorporated|llc|l l c|ltd|limited|corp|corporation|co|company|plc|gmbh|ag|sa|s a|lp|l p|oy|ab|the)\b/g, ' ').replace(/\s+/g, ' ').trim();
const partyMatch = (a, b) => {
  if (!a || !b) return false;
  if (a.includes(b) || b.includes(a)) return true;
  const A = new Set(a.split(' ')), B = new Set(b.split(' '));
  return [...A].filter((x) => B.has(x)).length / new Set([...A, ...B]).size >= 0.5;
};

const UNKNOWN = { status: 'unknown', right: () => false };
const ABSENT = { status: 'absent', right: () => false };

function date(g, gf, cat, tol) {
  const iso = g.iso?.[gf];
  if (iso) return { status: 'present', right: (v) => !isNaN(dateOf(v)) && Math.abs(dateOf(v) - Date.parse(iso)) <= tol * dayMs };
  if (!g[gf] && !hasSpan(g, cat)) return ABSENT;
  return UNKNOWN;
}
function duration(g, gf, cat) {
  const gd = g.duration?.[gf];
  const key = gd && gd.value != null ? durationKey(gd) : null;
  if (key) return { status: 'present', right: (v) => durationKey(v) === key };
  if (!g[gf] && !hasSpan(g, cat)) return ABSENT;
  return UNKNOWN;
}

/** How to judge a value of `field` for the labelled contract `g`. */
export function judge(g, field) {
  switch (field) {
    case 'agreementDate':
      return date(g, 'agreement_date', 'Agreement Date', 0);
    case 'effectiveDate':
      return date(g, 'effective_date', 'Effective Date', 0);
    case 'expirationDate':
      // A perpetual contract has no expiration date: any date is wrong (the scorer wants perpetual: true).
      return g.expiration_perpetual ? ABSENT : date(g, 'expiration_date', 'Expiration Date', 1);
    case 'perpetual':
      if (!g.expiration_perpetual && !g.iso?.expiration_date) return UNKNOWN;
      return { status: g.expiration_perpetual ? 'present' : 'absent', right: (v) => v === !!g.expiration_perpetual };
    case 'initialTerm':
      return g.duration && 'initial_term' in g.duration ? duration(g, 'initial_term', 'Initial Term') : UNKNOWN;
    case 'renewalTerm':
      return duration(g, 'renewal_term', 'Renewal Term');
    case 'noticePeriod':
      return duration(g, 'notice_period_to_terminate_renewal', 'Notice Period To Terminate Renewal');
    case 'autoRenewal':
      return { status: g.auto_renewal ? 'present' : 'absent', right: (v) => v === !!g.auto_renewal };
    case 'terminationForConvenience':
      return {
        status: g.termination_for_convenience ? 'present' : 'absent',
        right: (v) => v === !!g.termination_for_convenience,
      };
    case 'governingLaw': {
      const gl = g.governing_law;
      if (gl) {
        const core = norm(String(gl).split(/[,;]/)[0]).replace(/^(the )?(state|commonwealth|province|republic) of /, '');
        return { status: 'present', right: (v) => !!norm(v) && norm(v).includes(core) };
      }
      return hasSpan(g, 'Governing Law') ? UNKNOWN : ABSENT;
    }
    case 'title': {
      const gt = norm(g.document_name);
      if (!gt) return UNKNOWN;
      return {
        status: 'present',
        right: (v) => {
          const pv = norm(v);
          return !!pv && (pv === gt || (pv.length > 5 && (pv.includes(gt) || gt.includes(pv))));
        },
      };
    }
    case 'parties': {
      const gnames = (g.party_names || []).map(cleanParty).filter(Boolean);
      if (!gnames.length) return UNKNOWN;
      return {
        status: 'present',
        right: (v) => {
          const pnames = (Array.isArray(v) ? v : []).map((x) => cleanParty(typeof x === 'string' ? x : x?.name)).filter(Boolean);
          return (
            pnames.length > 0 &&
            gnames.every((gn) => pnames.some((pn) => partyMatch(gn, pn))) &&
            pnames.every((pn) => gnames.some((gn) => partyMatch(gn, pn)))
          );
        },
      };
    }
    case 'contractValue': {
      if (!('contract_value' in g)) return UNKNOWN;
      const cv = g.contract_value;
      if (!cv) return ABSENT;
      return {
        status: 'present',
        right: (v) => !!v && Math.abs(v.amount - cv.amount) <= Math.max(0.01, cv.amount * 0.005) && String(v.currency).toUpperCase() === cv.currency,
      };
    }
    default:
      return UNKNOWN;
  }
}

/**
 * How a value shown for a field counts in the scorer's F1: 'tp', 'fp', or null (not counted). Booleans
 * count only `true` values, like the scorer.
 */
export function outcome(field, j, value) {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return null;
  if ((field === 'autoRenewal' || field === 'terminationForConvenience' || field === 'perpetual') && value !== true)
    return null;
  if (j.status === 'unknown') return null;
  return j.right(value) ? 'tp' : 'fp';
}
