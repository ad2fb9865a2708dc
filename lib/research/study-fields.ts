import { isKind, isPlatformId, KINDS, PLATFORM_IDS } from '../taxonomy';
import { isGrain } from './grain';
import type { Study, StudyError, StudyResult } from './study';

/**
 * The checks of a study file's fields (lib/research/study.ts puts them together in parseStudy): each
 * reads one part of the file, or names the first field that is missing or wrong.
 */

export const STUDY_ID = /^[a-z0-9][a-z0-9-]{2,63}$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const LIMITS = { title: 200, researcher: 200, contact: 200, consentVersion: 40, consentText: 20_000 };

/**
 * Text a researcher wrote: a string within a length with something visible in it, without control
 * characters (line breaks and tabs aside) and without the bidirectional overrides that can make a
 * title read as something else.
 */
export function isText(v: unknown, max: number): v is string {
  return (
    typeof v === 'string' &&
    v.length <= max &&
    v.replace(/[\p{Cf}\s]/gu, '').length > 0 &&
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    !/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(v)
  );
}

/** An offending value, as a short string to name in the refusal (whatever its type). */
const shown = (v: unknown) => (typeof v === 'string' ? v.slice(0, 40) : typeof v);

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isDay(v: unknown): v is string {
  if (typeof v !== 'string' || !DAY.test(v)) return false;
  // By arithmetic, not Date (which reads years 0-99 as 1900-1999): the same days as the export schema's pattern.
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
}

type Refusal = Extract<StudyResult, { ok: false }>;
/** A part of a study file read, or why it was refused. */
type Read<T> = { ok: true; value: T } | Refusal;

export const missing = (field: string): Refusal => ({ ok: false, error: 'missing-field', field });
export const invalid = (field: string): Refusal => ({ ok: false, error: 'invalid-field', field });
export const REQUIRED = ['id', 'title', 'researcher', 'contact', 'consent', 'granularity', 'endDate'];

/** Who runs the study and what the participant agrees to: id, title, researcher, contact, consent. */
export function readWho(r: Record<string, unknown>): Read<Pick<Study, 'id' | 'title' | 'researcher' | 'contact' | 'consent'>> {
  if (typeof r.id !== 'string' || !STUDY_ID.test(r.id)) return invalid('id');
  if (!isText(r.title, LIMITS.title)) return invalid('title');
  if (!isText(r.researcher, LIMITS.researcher)) return invalid('researcher');
  if (!isText(r.contact, LIMITS.contact)) return invalid('contact');
  const consent = r.consent as Record<string, unknown>;
  if (typeof consent !== 'object' || Array.isArray(consent)) return invalid('consent');
  if (consent.version === undefined) return missing('consent.version');
  if (consent.text === undefined) return missing('consent.text');
  if (!isText(consent.version, LIMITS.consentVersion)) return invalid('consent.version');
  if (!isText(consent.text, LIMITS.consentText)) return invalid('consent.text');
  const value = { id: r.id, title: r.title, researcher: r.researcher, contact: r.contact };
  return { ok: true, value: { ...value, consent: { version: consent.version, text: consent.text } } };
}

/** What is counted when: granularity, the period's days and whether hand-entered actions go too. */
export function readPeriod(
  r: Record<string, unknown>,
): Read<Pick<Study, 'granularity' | 'endDate' | 'includeManual'> & { startDate: string | undefined }> {
  if (!isGrain(r.granularity)) return invalid('granularity');
  if (!isDay(r.endDate)) return invalid('endDate');
  if (r.startDate !== undefined && !isDay(r.startDate)) return invalid('startDate');
  if (r.include_manual !== undefined && typeof r.include_manual !== 'boolean') return invalid('include_manual');
  if (typeof r.startDate === 'string' && r.startDate > r.endDate)
    return { ok: false, error: 'dates-reversed', field: 'startDate' };
  const startDate = typeof r.startDate === 'string' ? r.startDate : undefined;
  return {
    ok: true,
    value: { granularity: r.granularity, endDate: r.endDate, includeManual: r.include_manual === true, startDate },
  };
}

/** A list of platforms or kinds: `all` when absent, else known ids only, each once. */
export function readIds<T extends string>(
  v: unknown,
  field: 'platforms' | 'kinds',
  known: { all: readonly T[]; byDefault: readonly T[]; is: (x: unknown) => x is T; unknown: StudyError },
): Read<T[]> {
  if (v === undefined) return { ok: true, value: [...known.byDefault] };
  if (!Array.isArray(v) || v.length === 0 || v.length > known.all.length) return invalid(field);
  const bad = v.find((x) => !known.is(x));
  if (bad !== undefined) return { ok: false, error: known.unknown, field: shown(bad) };
  return { ok: true, value: [...new Set(v as T[])] };
}

export const PLATFORMS = {
  all: PLATFORM_IDS,
  byDefault: PLATFORM_IDS.filter((p) => p !== 'practice'),
  is: isPlatformId,
  unknown: 'unknown-platform',
} as const;
export const KIND_IDS = { all: KINDS, byDefault: KINDS, is: isKind, unknown: 'unknown-kind' } as const;
