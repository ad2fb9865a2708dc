import { noteUnreadable } from '../db/rows';
import type { ClickworkDB } from '../db/schema';
import { dayKey } from '../db/schema';
import { readJsonFile } from '../json-file';
import { isKind, isPlatformId, KINDS, type Kind, PLATFORM_IDS, type PlatformId } from '../taxonomy';
import { type DisclosureError, type DisclosureRule, parseDisclosure } from './disclosure';
import { type Grain, isGrain } from './grain';
import { forgetNoiseSecret } from './noise';
import { type Ethics, isReceipt, PANEL_ID, parseEndpoint, parseEthics, type Receipt, studyKey } from './study-extras';
import { forgetWithheld } from './withheld';

/**
 * A study: the small JSON file a researcher (or a teacher) publishes, which a participant loads to
 * join. Everything in it is shown as text, never as HTML. See docs/research/README.md.
 */
export const STUDY_FORMAT = 'clickwork-meter/study';
export const STUDY_VERSION = 1;
/** Larger study files are refused before parsing. */
export const MAX_STUDY_BYTES = 64 * 1024;

/** A study's rows: per local hour, day, ISO week or local month (lib/research/grain.ts). */
export type Granularity = Grain;

export interface Study {
  format: typeof STUDY_FORMAT;
  version: typeof STUDY_VERSION;
  /** Lower-case letters, digits and dashes; it names the study in every export. */
  id: string;
  title: string;
  researcher: string;
  /** How to reach the researcher (an address or a web page), shown as text. */
  contact: string;
  consent: { version: string; text: string };
  granularity: Granularity;
  /** Platforms of interest; absent: every real platform (the practice page only when listed). */
  platforms: PlatformId[];
  /** Kinds of interest; absent: every kind. */
  kinds: Kind[];
  /** First day of data (YYYY-MM-DD); absent: the day the participant consents. */
  startDate?: string;
  /** Last day of data (YYYY-MM-DD). */
  endDate: string;
  /** Whether actions the participant entered by hand are exported (counted apart); absent in the file: no. */
  includeManual: boolean;
  /** Ethics approval, data-protection contact and retention, shown before consent (optional). */
  ethics?: Ethics;
  /** The https address files and withdrawal requests may be sent to, at the participant's click (optional). */
  endpoint?: string;
  /** Coarser grains, noise, suppression or rounding for some kinds (lib/research/disclosure.ts; optional). */
  disclosure?: DisclosureRule[];
}

/** Why a study file was refused; `field` names the offending field where there is one. */
export type StudyError =
  | 'too-large'
  | 'not-json'
  | 'foreign'
  | 'unsupported-version'
  | 'missing-field'
  | 'invalid-field'
  | 'unknown-platform'
  | 'unknown-kind'
  | 'dates-reversed'
  | DisclosureError;

export type StudyResult = { ok: true; study: Study } | { ok: false; error: StudyError; field?: string };

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

/** Checks a study file field by field; refuses the whole file, with a reason, on the first problem. */
export function parseStudy(text: string): StudyResult {
  const read = readJsonFile(text, MAX_STUDY_BYTES, STUDY_FORMAT);
  if (!read.ok) return read;
  const r = read.data;
  if (r.version !== STUDY_VERSION) return { ok: false, error: 'unsupported-version' };
  const missing = (field: string): StudyResult => ({ ok: false, error: 'missing-field', field });
  const invalid = (field: string): StudyResult => ({ ok: false, error: 'invalid-field', field });
  for (const field of ['id', 'title', 'researcher', 'contact', 'consent', 'granularity', 'endDate'])
    if (r[field] === undefined || r[field] === null) return missing(field);

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
  if (!isGrain(r.granularity)) return invalid('granularity');
  if (!isDay(r.endDate)) return invalid('endDate');
  if (r.startDate !== undefined && !isDay(r.startDate)) return invalid('startDate');
  if (r.include_manual !== undefined && typeof r.include_manual !== 'boolean') return invalid('include_manual');
  if (typeof r.startDate === 'string' && r.startDate > (r.endDate as string))
    return { ok: false, error: 'dates-reversed', field: 'startDate' };
  const ethics = parseEthics(r.ethics, isText);
  if (!ethics.ok) return ethics.missing ? missing(ethics.field) : invalid(ethics.field);
  const endpoint = parseEndpoint(r.endpoint);
  if (!endpoint.ok) return invalid(endpoint.field);

  let platforms: PlatformId[] = PLATFORM_IDS.filter((p) => p !== 'practice');
  if (r.platforms !== undefined) {
    if (!Array.isArray(r.platforms) || r.platforms.length === 0 || r.platforms.length > PLATFORM_IDS.length)
      return invalid('platforms');
    const bad = r.platforms.find((p) => !isPlatformId(p));
    if (bad !== undefined) return { ok: false, error: 'unknown-platform', field: shown(bad) };
    platforms = [...new Set(r.platforms as PlatformId[])];
  }
  let kinds: Kind[] = [...KINDS];
  if (r.kinds !== undefined) {
    if (!Array.isArray(r.kinds) || r.kinds.length === 0 || r.kinds.length > KINDS.length) return invalid('kinds');
    const bad = r.kinds.find((k) => !isKind(k));
    if (bad !== undefined) return { ok: false, error: 'unknown-kind', field: shown(bad) };
    kinds = [...new Set(r.kinds as Kind[])];
  }
  const disclosure = parseDisclosure(r.disclosure, r.granularity, kinds);
  if (!disclosure.ok) return disclosure;

  const study: Study = {
    format: STUDY_FORMAT,
    version: STUDY_VERSION,
    id: r.id,
    title: r.title,
    researcher: r.researcher,
    contact: r.contact,
    consent: { version: consent.version, text: consent.text },
    granularity: r.granularity,
    platforms,
    kinds,
    endDate: r.endDate,
    includeManual: r.include_manual === true,
  };
  if (typeof r.startDate === 'string') study.startDate = r.startDate;
  if (ethics.value) study.ethics = ethics.value;
  if (endpoint.value) study.endpoint = endpoint.value;
  if (disclosure.value) study.disclosure = disclosure.value;
  return { ok: true, study };
}

/** A study the user joined: the pseudonym exists for this study only. */
export interface Enrolment {
  study: Study;
  /** Random, made at enrolment, deleted when the user leaves. */
  pseudonym: string;
  /** Local day the user agreed to the consent text (YYYY-MM-DD). */
  consentDay: string;
  /** The panel or survey participant id the join link carried; every file then holds it (`panel_id`). */
  panelId?: string;
  /** What was sent to the study's address, with the server's receipts (never the file itself). */
  receipts?: Receipt[];
}

const META_KEY = 'studies';

/** A stored enrolment checked as the study file was when it was joined: the same rules, again. */
export function isEnrolment(v: unknown): v is Enrolment {
  if (v === null || typeof v !== 'object') return false;
  const e = v as Record<string, unknown>;
  if (typeof e.pseudonym !== 'string' || !/^[0-9a-f-]{36}$/.test(e.pseudonym) || !isDay(e.consentDay)) return false;
  if (e.panelId !== undefined && (typeof e.panelId !== 'string' || !PANEL_ID.test(e.panelId))) return false;
  if (e.receipts !== undefined && !(Array.isArray(e.receipts) && e.receipts.every(isReceipt))) return false;
  const parsed = parseStudy(JSON.stringify(e.study ?? null));
  return parsed.ok && parsed.study.id === (e.study as Study).id;
}

/** The stored list as it is, unreadable entries included. */
async function storedList(db: ClickworkDB): Promise<unknown[]> {
  const value = (await db.meta.get(META_KEY))?.value;
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The studies joined; an unreadable entry is skipped and noted (see lib/db/rows.ts), never shown. */
export async function enrolments(db: ClickworkDB): Promise<Enrolment[]> {
  const row = await db.meta.get(META_KEY);
  if (row === undefined) return [];
  if (!Array.isArray(row.value)) {
    noteUnreadable('meta', META_KEY);
    return [];
  }
  const out: Enrolment[] = [];
  row.value.forEach((e, i) => {
    if (isEnrolment(e)) out.push(e);
    else noteUnreadable('meta', `${META_KEY}[${i}]`);
  });
  return out;
}

/** Removes the unreadable entries of the list of studies; how many it removed. */
export async function removeUnreadableEnrolments(db: ClickworkDB): Promise<number> {
  return db.transaction('rw', db.meta, async () => {
    const all = await storedList(db);
    const kept = all.filter(isEnrolment);
    if (kept.length === all.length) return 0;
    if (kept.length) await db.meta.put({ key: META_KEY, value: kept });
    else await db.meta.delete(META_KEY);
    return all.length - kept.length;
  });
}

/** A random pseudonym (128 bits), unrelated to anything else the extension stores. */
export function newPseudonym(): string {
  return crypto.randomUUID();
}

export type JoinResult = { ok: true; enrolment: Enrolment } | { ok: false; error: 'already-joined' | 'ended' };

/** Joins a study after the user agreed to its consent text. */
export async function joinStudy(db: ClickworkDB, study: Study, now = Date.now(), panelId?: string): Promise<JoinResult> {
  const today = dayKey(now);
  if (study.endDate < today) return { ok: false, error: 'ended' };
  if (panelId !== undefined && !PANEL_ID.test(panelId)) throw new Error('invalid panel id');
  const key = studyKey(study);
  return db.transaction('rw', db.meta, async () => {
    const list = await enrolments(db);
    // The same id from another researcher is another study (a copied example keeps its id).
    if (list.some((e) => studyKey(e.study) === key)) return { ok: false as const, error: 'already-joined' as const };
    const enrolment: Enrolment = { study, pseudonym: newPseudonym(), consentDay: today };
    if (panelId !== undefined) enrolment.panelId = panelId;
    // Unreadable entries stay until the user repairs them: joining deletes nothing.
    await db.meta.put({ key: META_KEY, value: [...(await storedList(db)), enrolment] });
    return { ok: true as const, enrolment };
  });
}

/** Leaves a study (by its studyKey): its pseudonym, settings and remembered removals are deleted; the user's own history stays. */
export async function leaveStudy(db: ClickworkDB, key: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const all = await storedList(db);
    for (const e of all)
      if (isEnrolment(e) && studyKey(e.study) === key) {
        await forgetWithheld(db, e.pseudonym);
        await forgetNoiseSecret(db, e.pseudonym);
      }
    const list = all.filter((e) => !isEnrolment(e) || studyKey(e.study) !== key);
    if (list.length) await db.meta.put({ key: META_KEY, value: list });
    else await db.meta.delete(META_KEY);
  });
}

/** Adds a receipt to the enrolment of study `key`; false when the participant left it meanwhile. */
export async function addReceipt(db: ClickworkDB, key: string, receipt: Receipt): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const all = await storedList(db);
    const i = all.findIndex((e) => isEnrolment(e) && studyKey(e.study) === key);
    if (i < 0) return false;
    const e = all[i] as Enrolment;
    all[i] = { ...e, receipts: [...(e.receipts ?? []), receipt] };
    await db.meta.put({ key: META_KEY, value: all });
    return true;
  });
}
