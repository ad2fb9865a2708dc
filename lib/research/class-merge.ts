import { type BeneficiaryId, beneficiaryOf, type Kind, type PlatformId } from '../taxonomy';
import { durationDefault } from '../valuation';
import type { AnonymisedExport, TableNote } from './format';

/**
 * Class totals: a teacher (or a researcher) merges many anonymised exports in a page, with no
 * server. Each checked file is first reduced to its sums per platform × kind × detail (a few lines,
 * whatever the number of days), so that thousands of files merge in little memory; the merge
 * itself only adds those sums.
 */

/** One line of a class table: counts, measured time, and how many participants contributed. */
export interface ClassRow {
  count: number;
  measured_count: number;
  measured_seconds: number;
  participants: number;
}
export type KindRow = ClassRow & { kind: Kind };
export type PlatformRow = ClassRow & { platform: PlatformId; beneficiary: BeneficiaryId };
export type BeneficiaryRow = ClassRow & { beneficiary: BeneficiaryId };
export type DetailRow = ClassRow & { platform: PlatformId; beneficiary: BeneficiaryId; kind: Kind; detail: string };

export interface NamedExport {
  name: string;
  file: AnonymisedExport;
}

export interface ClassTotals {
  /** Files merged, in the order given. */
  accepted: { name: string; study_id: string; participant: string; rows: number; actions: number; notes?: TableNote[] }[];
  /** Other files of a participant already counted: the same period (a copy, the other form), or an older one. */
  refused: { name: string; error: 'duplicate-participant' | 'older-file'; duplicateOf: string }[];
  participants: number;
  studies: string[];
  actions: number;
  measuredCount: number;
  measuredSeconds: number;
  /** The actions without a measured time, at the published default durations (see lib/valuation). */
  estimatedSeconds: number;
  byKind: KindRow[];
  byPlatform: PlatformRow[];
  byBeneficiary: BeneficiaryRow[];
  /** The full platform × kind × detail table. */
  rows: DetailRow[];
}

/** A file's rows summed by platform × kind × detail; measured seconds in tenths (as exported), so sums are exact. */
export interface SummaryLine {
  platform: PlatformId;
  kind: Kind;
  detail: string;
  count: number;
  measured_count: number;
  tenths: number;
}

/** What the merge needs of one checked file. */
export interface FileSummary {
  name: string;
  study_id: string;
  participant: string;
  /** The last day of the file's period. */
  to: string;
  rows: number;
  actions: number;
  lines: SummaryLine[];
  /** Harmless edits the file was read through (lib/research/csv-read.ts). */
  notes?: TableNote[];
}

const tenths = (s: number) => Math.round(s * 10);

/** Reduces a checked export to its sums per platform × kind × detail. */
export function summarise({ name, file }: NamedExport): FileSummary {
  const lines = new Map<string, SummaryLine>();
  let actions = 0;
  for (const r of file.rows) {
    const key = `${r.platform}|${r.kind}|${r.detail}`;
    let line = lines.get(key);
    if (!line) {
      line = { platform: r.platform, kind: r.kind, detail: r.detail, count: 0, measured_count: 0, tenths: 0 };
      lines.set(key, line);
    }
    line.count += r.count;
    line.measured_count += r.measured_count;
    line.tenths += tenths(r.measured_seconds);
    actions += r.count;
  }
  const { study_id, participant } = file;
  return { name, study_id, participant, to: file.period.to, rows: file.rows.length, actions, lines: [...lines.values()] };
}

interface Acc<E> {
  count: number;
  measured_count: number;
  tenths: number;
  who: Set<string>;
  extra: E;
}

function addTo<K, E>(map: Map<K, Acc<E>>, key: K, extra: () => E, who: string, l: SummaryLine) {
  let a = map.get(key);
  if (!a) {
    a = { count: 0, measured_count: 0, tenths: 0, who: new Set(), extra: extra() };
    map.set(key, a);
  }
  a.count += l.count;
  a.measured_count += l.measured_count;
  a.tenths += l.tenths;
  a.who.add(who);
}

/** Largest first, then by key. */
function table<K extends string, E>(acc: Map<K, Acc<E>>) {
  return [...acc.entries()]
    .map(([key, a]) => ({
      key,
      row: {
        ...a.extra,
        count: a.count,
        measured_count: a.measured_count,
        measured_seconds: a.tenths / 10,
        participants: a.who.size,
      },
    }))
    .sort((x, y) => y.row.count - x.row.count || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map((r) => r.row);
}

/** Which of two files of one participant to keep: the later period, then the more rows, then the first. */
const newer = (a: FileSummary, b: FileSummary) => (a.to !== b.to ? a.to > b.to : a.rows > b.rows);
const whoOf = (f: FileSummary) => `${f.study_id}/${f.participant}`;

/** The four breakdowns of the kept files' lines. */
function breakdowns(kept: readonly FileSummary[]) {
  const byKind = new Map<Kind, Acc<{ kind: Kind }>>();
  const byPlatform = new Map<PlatformId, Acc<{ platform: PlatformId; beneficiary: BeneficiaryId }>>();
  const byBeneficiary = new Map<BeneficiaryId, Acc<{ beneficiary: BeneficiaryId }>>();
  const byDetail = new Map<string, Acc<{ platform: PlatformId; beneficiary: BeneficiaryId; kind: Kind; detail: string }>>();
  let measuredCount = 0;
  let measuredTenths = 0;
  let estimatedSeconds = 0;
  for (const f of kept) {
    const who = whoOf(f);
    for (const l of f.lines) {
      const beneficiary = beneficiaryOf(l.platform);
      measuredCount += l.measured_count;
      measuredTenths += l.tenths;
      estimatedSeconds += (l.count - l.measured_count) * durationDefault(l.kind, l.detail).seconds;
      addTo(byKind, l.kind, () => ({ kind: l.kind }), who, l);
      addTo(byPlatform, l.platform, () => ({ platform: l.platform, beneficiary }), who, l);
      addTo(byBeneficiary, beneficiary, () => ({ beneficiary }), who, l);
      const extra = () => ({ platform: l.platform, beneficiary, kind: l.kind, detail: l.detail });
      addTo(byDetail, `${l.platform}|${l.kind}|${l.detail}`, extra, who, l);
    }
  }
  return {
    measuredCount,
    measuredSeconds: measuredTenths / 10,
    estimatedSeconds,
    byKind: table(byKind),
    byPlatform: table(byPlatform),
    byBeneficiary: table(byBeneficiary),
    rows: table(byDetail),
  };
}

/**
 * Merges checked files as they come. Of several files of the same study and participant, one is
 * kept whole — the latest (the one whose period ends last; then the one with more rows; then the
 * first added) — and the others are listed, so a student who hands in both forms, or a file and
 * a later one, counts once. Only the kept file's summary is held for each participant.
 */
export class ClassMerger {
  /** Every file added, in order: its name, participant and last day. */
  private readonly order: { name: string; who: string; to: string }[] = [];
  /** For each participant, the kept file and its place in `order`. */
  private readonly keep = new Map<string, { file: FileSummary; at: number }>();

  add(file: FileSummary): void {
    const who = whoOf(file);
    const kept = this.keep.get(who);
    if (!kept || newer(file, kept.file)) this.keep.set(who, { file, at: this.order.length });
    this.order.push({ name: file.name, who, to: file.to });
  }

  /** How many files were added. */
  get size(): number {
    return this.order.length;
  }

  totals(): ClassTotals {
    const accepted: ClassTotals['accepted'] = [];
    const refused: ClassTotals['refused'] = [];
    const kept: FileSummary[] = [];
    const studies = new Set<string>();
    let actions = 0;
    this.order.forEach(({ name, who, to }, at) => {
      const k = this.keep.get(who) as { file: FileSummary; at: number };
      if (k.at !== at) {
        // The kept file is newer or the same: an older period, or a copy of the same days.
        refused.push({ name, error: k.file.to !== to ? 'older-file' : 'duplicate-participant', duplicateOf: k.file.name });
        return;
      }
      const f = k.file;
      kept.push(f);
      studies.add(f.study_id);
      actions += f.actions;
      const { study_id, participant, notes } = f;
      accepted.push({ name, study_id, participant, rows: f.rows, actions: f.actions, ...(notes ? { notes } : {}) });
    });
    return { accepted, refused, participants: this.keep.size, studies: [...studies].sort(), actions, ...breakdowns(kept) };
  }
}

/** Merges checked exports into class totals, in the order given (see ClassMerger). */
export function mergeClass(files: readonly NamedExport[]): ClassTotals {
  const merger = new ClassMerger();
  for (const f of files) merger.add(summarise(f));
  return merger.totals();
}
