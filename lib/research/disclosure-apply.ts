import type { Kind } from '../taxonomy';
import { changesCounts, type DisclosureRule } from './disclosure';
import type { ExportRow } from './format';
import { bucketStart, type Grain } from './grain';

/** What one rule did to the rows of its kinds, for the review screen. */
export interface RuleEffect {
  rule: number;
  /** Rows and actions of its kinds at the study's grain, before the rule. */
  rowsBefore: number;
  totalBefore: number;
  /** Rows merged into coarser ones (a week row holding seven day rows counts six). */
  merged: number;
  /** Rows whose count noise or rounding changed, and rows left out (suppressed, or noised or rounded to 0). */
  changed: number;
  suppressed: number;
  /** Rows and actions of its kinds in the file. */
  rowsAfter: number;
  totalAfter: number;
}

/** A row's identity in a file: grain, day, hour, platform, kind, detail. */
export const grainKey = (r: Pick<ExportRow, 'grain' | 'day' | 'hour' | 'platform' | 'kind' | 'detail'>) =>
  `${r.grain}|${r.day}|${r.hour}|${r.platform}|${r.kind}|${r.detail}`;

const order = (r: ExportRow) =>
  `${r.day}|${String(r.hour ?? -1).padStart(2, '0')}|${r.grain}|${r.platform}|${r.kind}|${r.detail}`;
/**
 * Rows in the files' order: day, hour, grain, platform, kind, detail; sorted in place, ties kept in
 * their order. Each row's order key is built once, not twice per comparison: a year by the hour
 * (52,000 rows) took seconds when the comparison built them.
 */
export function sortRows(rows: ExportRow[]): ExportRow[] {
  const keyed = rows.map((r) => ({ key: order(r), r }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  keyed.forEach((x, i) => {
    rows[i] = x.r;
  });
  return rows;
}

const tenth = (s: number) => Math.round(s * 10) / 10;

/** Rows of one grain merged into a coarser one (summed); rows already at it are kept. */
export function coarsen(rows: readonly ExportRow[], grain: Grain): ExportRow[] {
  const acc = new Map<string, ExportRow>();
  for (const r of rows) {
    const moved = r.grain === grain ? r : { ...r, grain, day: bucketStart(r.day, grain), hour: grain === 'hour' ? r.hour : null };
    const key = grainKey(moved);
    const row = acc.get(key);
    if (!row) acc.set(key, { ...moved });
    else {
      row.count += moved.count;
      row.measured_count += moved.measured_count;
      row.measured_seconds = tenth(row.measured_seconds + moved.measured_seconds);
      row.manual_count += moved.manual_count;
      row.manual_seconds = tenth(row.manual_seconds + moved.manual_seconds);
    }
  }
  return [...acc.values()];
}

/** The count a rule leaves (0: the row is left out), given the row's noise. */
export function ruledCount(rule: DisclosureRule, count: number, noise: number): number {
  let n = rule.noise ? Math.max(0, count + noise) : count;
  if (rule.suppress_below && n < rule.suppress_below) n = 0;
  if (rule.round_to) n = Math.floor(n / rule.round_to + 0.5) * rule.round_to;
  return n;
}

/** Noise for the keys of one rule's rows (same key, same noise: lib/research/noise.ts). */
export type NoiseSource = (keys: string[], epsilon: number) => Promise<Map<string, number>>;

/** One rule applied to its kinds' rows (at the study's grain); its effect measured. */
async function applyRule(rule: DisclosureRule, index: number, rows: ExportRow[], noise: NoiseSource) {
  const out: ExportRow[] = [];
  const coarse = rule.granularity ? coarsen(rows, rule.granularity) : rows.map((r) => ({ ...r }));
  const noises = rule.noise ? await noise(coarse.map(grainKey), rule.noise.epsilon) : new Map<string, number>();
  let changed = 0;
  for (const r of coarse) {
    const count = ruledCount(rule, r.count, noises.get(grainKey(r)) ?? 0);
    if (count <= 0) continue;
    if (count !== r.count) changed++;
    if (changesCounts(rule))
      Object.assign(r, { count, measured_count: 0, measured_seconds: 0, manual_count: 0, manual_seconds: 0 });
    out.push(r);
  }
  const sum = (list: ExportRow[]) => list.reduce((n, r) => n + r.count, 0);
  const effect: RuleEffect = {
    rule: index,
    rowsBefore: rows.length,
    totalBefore: sum(rows),
    merged: rows.length - coarse.length,
    changed,
    suppressed: coarse.length - out.length,
    rowsAfter: out.length,
    totalAfter: sum(out),
  };
  return { rows: out, effect };
}

/** The study's rules applied to its rows: the rows of the file, and each rule's effect. */
export async function applyDisclosure(
  rows: readonly ExportRow[],
  rules: readonly DisclosureRule[],
  noise: NoiseSource,
): Promise<{ rows: ExportRow[]; effects: RuleEffect[] }> {
  const ruleOf = new Map<Kind, number>();
  rules.forEach((r, i) => {
    for (const k of r.kinds) ruleOf.set(k, i);
  });
  const out = rows.filter((r) => !ruleOf.has(r.kind)).map((r) => ({ ...r }));
  const effects: RuleEffect[] = [];
  for (const [i, rule] of rules.entries()) {
    const applied = await applyRule(
      rule,
      i,
      rows.filter((r) => ruleOf.get(r.kind) === i),
      noise,
    );
    out.push(...applied.rows);
    effects.push(applied.effect);
  }
  return { rows: sortRows(out), effects };
}
