import { buildExport } from '@/lib/research/export';
import type { AnonymisedExport, ExportRow } from '@/lib/research/format';
import type { Enrolment, Granularity, Study } from '@/lib/research/study';
import { beneficiaryOf, KINDS, type Kind, PLATFORM_IDS, type PlatformId } from '@/lib/taxonomy';

/**
 * Synthetic anonymised exports for the class-totals, fuzz and DuckDB tests (and the class e2e):
 * random but reproducible from a seed, built with the extension's own buildExport.
 */

/** A small seeded generator (mulberry32): the same seed gives the same files. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
export const int = (rand: () => number, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

/** A version-4 UUID made from the generator (the export's pseudonym shape). */
export function pseudonym(rand: () => number): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(rand, ['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

const DETAILS: Record<Kind, readonly string[]> = {
  reaction: ['like', 'save', 'star', 'heart'],
  vote: ['up', 'down', 'helpful'],
  rating: ['stars', 'thumbs-up', 'love'],
  review: ['review'],
  comment: ['comment', 'reply', 'post'],
  share: ['share', 'repost'],
  tag: ['label'],
  captcha: ['checkbox', 'challenge'],
  report: ['report', 'flag'],
  moderation: ['approve', 'remove', 'close-vote'],
  'ai-feedback': ['up', 'down', 'compare'],
};

export interface SynthOptions {
  studyId?: string;
  granularity?: Granularity;
  /** First day of the study (YYYY-MM-DD); the period is `days` days from it. */
  from?: string;
  days?: number;
  /** How many distinct rows (at most; duplicates of a key are skipped). */
  rows?: number;
  platforms?: readonly PlatformId[];
}

const pad = (n: number) => String(n).padStart(2, '0');
function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function synthStudy(id: string, granularity: Granularity, from: string, to: string): Study {
  return {
    format: 'clickwork-meter/study',
    version: 1,
    id,
    title: 'Synthetic study',
    researcher: 'Test',
    contact: 'test@example.invalid',
    consent: { version: '1.0', text: 'Consent.' },
    granularity,
    platforms: [...PLATFORM_IDS],
    kinds: [...KINDS],
    startDate: from,
    endDate: to,
    includeManual: false,
  };
}

/** One participant's export: random rows within the study's period, made by buildExport. */
export function synthExport(rand: () => number, options: SynthOptions = {}): AnonymisedExport {
  const granularity = options.granularity ?? 'day';
  const from = options.from ?? '2026-11-02';
  const days = options.days ?? 7;
  const to = addDays(from, days - 1);
  const study = synthStudy(options.studyId ?? 'class-demo', granularity, from, to);
  const enrolment: Enrolment = { study, pseudonym: pseudonym(rand), consentDay: from };
  const platforms = options.platforms ?? PLATFORM_IDS;
  const wanted = options.rows ?? int(rand, 1, 12);
  const rows = new Map<string, ExportRow>();
  for (let i = 0; i < wanted; i++) {
    const kind = pick(rand, KINDS);
    const platform = pick(rand, platforms);
    const detail = pick(rand, DETAILS[kind]);
    const day = addDays(from, int(rand, 0, days - 1));
    const hour = granularity === 'hour' ? int(rand, 0, 23) : null;
    const key = `${day}|${hour}|${platform}|${kind}|${detail}`;
    if (rows.has(key)) continue;
    const count = int(rand, 1, 40);
    const measured = rand() < 0.4 ? int(rand, 0, count) : 0;
    rows.set(key, {
      study_id: study.id,
      participant: enrolment.pseudonym,
      day,
      hour,
      grain: granularity,
      platform,
      beneficiary: beneficiaryOf(platform),
      kind,
      detail,
      count,
      measured_count: measured,
      measured_seconds: measured ? Math.round(measured * (1 + rand() * 300)) / 10 : 0,
      manual_count: 0,
      manual_seconds: 0,
    });
  }
  // "now" after the end date: the period is the study's whole span.
  const [y, m, d] = addDays(to, 1).split('-').map(Number) as [number, number, number];
  return buildExport(enrolment, [...rows.values()], int(rand, 0, 2), '0.1.0', new Date(y, m - 1, d, 12).getTime());
}

/** Sums the way class totals must: every row of every file given. */
export function sumRows(files: readonly AnonymisedExport[]) {
  const byKind: Record<string, number> = {};
  const byPlatform: Record<string, number> = {};
  const byBeneficiary: Record<string, number> = {};
  let actions = 0;
  let measuredCount = 0;
  let measuredTenths = 0;
  for (const f of files)
    for (const r of f.rows) {
      actions += r.count;
      measuredCount += r.measured_count;
      measuredTenths += Math.round(r.measured_seconds * 10);
      byKind[r.kind] = (byKind[r.kind] ?? 0) + r.count;
      byPlatform[r.platform] = (byPlatform[r.platform] ?? 0) + r.count;
      byBeneficiary[r.beneficiary] = (byBeneficiary[r.beneficiary] ?? 0) + r.count;
    }
  return { actions, measuredCount, measuredSeconds: measuredTenths / 10, byKind, byPlatform, byBeneficiary };
}
