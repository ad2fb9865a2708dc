import { isKind, type Kind } from '../taxonomy';
import { coarserOrSame, type Grain, isGrain } from './grain';
import { MAX_EPSILON, MIN_EPSILON } from './noise';

/**
 * Disclosure control a study declares (`disclosure` in the study file) for some kinds, typically
 * the publicly visible ones (comment, share, review, moderation notes), whose small counts at a
 * known time can be matched with public posts. Applied in this order to those kinds' rows:
 * 1. `granularity`: a coarser time grain than the study's (week = ISO week, month = local month);
 * 2. `noise`: two-sided geometric noise with the declared ε (lib/research/noise.ts);
 * 3. `suppress_below`: rows whose count is then below k are left out;
 * 4. `round_to`: counts rounded to the nearest multiple of m (halves up); a row rounded to 0 is left out.
 * A row whose count a rule changes (2–4) carries its count only: its measured and hand-entered
 * columns are 0, since they would tell the exact count.
 */
export interface DisclosureRule {
  kinds: Kind[];
  granularity?: Grain;
  noise?: { mechanism: 'geometric'; epsilon: number };
  suppress_below?: number;
  round_to?: number;
}

export type DisclosureError =
  | 'disclosure-empty-rule'
  | 'disclosure-kind-twice'
  | 'disclosure-kind-not-in-study'
  | 'disclosure-finer';
export type DisclosureResult =
  | { ok: true; value: DisclosureRule[] | undefined }
  | { ok: false; error: DisclosureError | 'invalid-field' | 'unknown-kind'; field: string };

type Refusal = Extract<DisclosureResult, { ok: false }>;

const LIMITS = { suppress: [2, 100], round: [2, 1000] } as const;
const RULE_FIELDS = ['kinds', 'granularity', 'noise', 'suppress_below', 'round_to'];
const isIntIn = (v: unknown, [lo, hi]: readonly [number, number]) =>
  Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

/** One rule of the study file, checked against the study's grain and kinds; `at` names it in errors. */
function parseRule(
  v: unknown,
  at: string,
  grain: Grain,
  kinds: readonly Kind[],
  seen: Set<Kind>,
): DisclosureResult | DisclosureRule {
  const bad = (field: string, error: Refusal['error'] = 'invalid-field'): Refusal => ({
    ok: false,
    error,
    field: `${at}${field ? `.${field}` : ''}`,
  });
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return bad('');
  const r = v as Record<string, unknown>;
  const unknown = Object.keys(r).find((k) => !RULE_FIELDS.includes(k));
  if (unknown) return bad(unknown);
  if (!Array.isArray(r.kinds) || r.kinds.length === 0) return bad('kinds');
  const rule: DisclosureRule = { kinds: [] };
  for (const k of r.kinds) {
    if (!isKind(k)) return bad(typeof k === 'string' ? k.slice(0, 40) : 'kinds', 'unknown-kind');
    if (!kinds.includes(k)) return bad(k, 'disclosure-kind-not-in-study');
    if (seen.has(k)) return bad(k, 'disclosure-kind-twice');
    seen.add(k);
    rule.kinds.push(k);
  }
  if (r.granularity !== undefined) {
    if (!isGrain(r.granularity)) return bad('granularity');
    if (!coarserOrSame(r.granularity, grain)) return bad('granularity', 'disclosure-finer');
    rule.granularity = r.granularity;
  }
  if (r.noise !== undefined) {
    const n = r.noise as Record<string, unknown> | null;
    if (n === null || typeof n !== 'object' || n.mechanism !== 'geometric') return bad('noise.mechanism');
    const e = n.epsilon;
    if (typeof e !== 'number' || !(e >= MIN_EPSILON && e <= MAX_EPSILON)) return bad('noise.epsilon');
    rule.noise = { mechanism: 'geometric', epsilon: e };
  }
  if (r.suppress_below !== undefined) {
    if (!isIntIn(r.suppress_below, LIMITS.suppress)) return bad('suppress_below');
    rule.suppress_below = r.suppress_below as number;
  }
  if (r.round_to !== undefined) {
    if (!isIntIn(r.round_to, LIMITS.round)) return bad('round_to');
    rule.round_to = r.round_to as number;
  }
  const { kinds: _k, ...does } = rule;
  if (Object.keys(does).length === 0 || (rule.granularity === grain && Object.keys(does).length === 1))
    return bad('', 'disclosure-empty-rule');
  return rule;
}

/** The study file's `disclosure`: absent, or a list of rules, each kind in one rule at most. */
export function parseDisclosure(v: unknown, grain: Grain, kinds: readonly Kind[]): DisclosureResult {
  if (v === undefined) return { ok: true, value: undefined };
  if (!Array.isArray(v) || v.length === 0 || v.length > kinds.length)
    return { ok: false, error: 'invalid-field', field: 'disclosure' };
  const seen = new Set<Kind>();
  const rules: DisclosureRule[] = [];
  for (const [i, raw] of v.entries()) {
    const r = parseRule(raw, `disclosure[${i}]`, grain, kinds, seen);
    if ('ok' in r) return r;
    rules.push(r);
  }
  return { ok: true, value: rules };
}

/** Whether the rule changes counts (noise, suppression or rounding), not only the grain. */
export const changesCounts = (r: DisclosureRule) => Boolean(r.noise || r.suppress_below || r.round_to);
