/**
 * The benchmark's rows: each carries an id (issue 14's targets), its value, unit, budget and
 * whether it passed; a row that could not be measured fails. Also the statistics the page ratios
 * use (a paired ratio with its 95 % confidence interval) and the table printed at the end.
 */
export interface Row {
  id: string;
  group: string;
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  /** 95 % confidence interval of `value` (for ratios: of the ratio). */
  ci?: [number, number];
  budget?: string;
  pass?: boolean;
  note?: string;
  /** The measurements a ratio was made of (per round: with, without). */
  samples?: { a: number[]; b: number[] };
}

export const rows: Row[] = [];
export const KB = 1024;
export const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export function add(r: Row): void {
  // Not measured (NaN) is a failure, whatever the budget.
  const row = r.budget !== undefined && !Number.isFinite(r.value) ? { ...r, pass: false } : r;
  rows.push(row);
  const ci = row.ci ? ` [95 % CI ${row.ci[0]}–${row.ci[1]}]` : '';
  const verdict = row.pass === undefined ? '' : row.pass ? ' pass' : ' FAIL';
  console.log(`[bench] ${row.id}: ${row.value} ${row.unit}${ci}${row.budget ? ` (budget ${row.budget})` : ''}${verdict}`);
}

/** A row for a target that could not be measured: it fails. */
export function notMeasured(id: string, group: string, metric: string, unit: string, budget: string, why: string) {
  add({ id, group, metric, value: Number.NaN, unit, budget, pass: false, note: `not measured: ${why}` });
}

/** Two-sided 95 % quantiles of Student's t for 1–30 degrees of freedom. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101,
  2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const t95 = (df: number) => (df <= 30 ? (T95[df - 1] as number) : 1.96 + 2.5 / df);

export interface RatioEstimate {
  ratio: number;
  ci: [number, number];
  /** Half the interval's width, in percent of the ratio. */
  halfWidthPct: number;
  rounds: number;
}

/**
 * The ratio of paired measurements (round i of `a` against round i of `b`): the geometric mean of
 * the per-round ratios, with the t interval of their logarithms. Pairing takes out what a round's
 * load did to both sides.
 */
export function pairedRatio(a: number[], b: number[]): RatioEstimate {
  const logs = a.map((x, i) => Math.log(x / (b[i] as number))).filter(Number.isFinite);
  const n = logs.length;
  if (n < 2) return { ratio: Number.NaN, ci: [Number.NaN, Number.NaN], halfWidthPct: Number.NaN, rounds: n };
  const mean = logs.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(logs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const h = t95(n - 1) * (sd / Math.sqrt(n));
  const ci: [number, number] = [round(Math.exp(mean - h), 4), round(Math.exp(mean + h), 4)];
  return { ratio: round(Math.exp(mean), 4), ci, halfWidthPct: round(((ci[1] - ci[0]) / 2 / Math.exp(mean)) * 100, 2), rounds: n };
}

export function table(): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(['id', 'metric', 'value', '95 % CI', 'baseline (no extension)', 'budget', 'result']),
    line(['---', '---', '---', '---', '---', '---', '---']),
    ...rows.map((r) =>
      line([
        `\`${r.id}\``,
        r.note ? `${r.metric} (${r.note})` : r.metric,
        Number.isFinite(r.value) ? `${r.value} ${r.unit}` : '—',
        r.ci ? `${r.ci[0]}–${r.ci[1]}` : '',
        r.baseline === undefined ? '' : `${r.baseline} ${r.unit}`,
        r.budget ?? '',
        r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL',
      ]),
    ),
  ].join('\n');
}
