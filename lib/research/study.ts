import { noteUnreadable } from '../db/rows';
import type { ClickworkDB } from '../db/schema';
import { dayKey } from '../db/schema';
import { readJsonFile } from '../json-file';
import type { Kind, PlatformId } from '../taxonomy';
import { type DisclosureError, type DisclosureRule, parseDisclosure } from './disclosure';
import type { Grain } from './grain';
import { forgetNoiseSecret } from './noise';
import { type Ethics, isReceipt, PANEL_ID, parseEndpoint, parseEthics, type Receipt, studyKey } from './study-extras';
import { invalid, isDay, isText, KIND_IDS, missing, PLATFORMS, REQUIRED, readIds, readPeriod, readWho } from './study-fields';
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

export { isDay, isText, STUDY_ID } from './study-fields';

/** Checks a study file field by field; refuses the whole file, with a reason, on the first problem. */
export function parseStudy(text: string): StudyResult {
  const read = readJsonFile(text, MAX_STUDY_BYTES, STUDY_FORMAT);
  if (!read.ok) return read;
  const r = read.data;
  if (r.version !== STUDY_VERSION) return { ok: false, error: 'unsupported-version' };
  for (const field of REQUIRED) if (r[field] === undefined || r[field] === null) return missing(field);
  const who = readWho(r);
  if (!who.ok) return who;
  const period = readPeriod(r);
  if (!period.ok) return period;
  const ethics = parseEthics(r.ethics, isText);
  if (!ethics.ok) return ethics.missing ? missing(ethics.field) : invalid(ethics.field);
  const endpoint = parseEndpoint(r.endpoint);
  if (!endpoint.ok) return invalid(endpoint.field);
  const platforms = readIds(r.platforms, 'platforms', PLATFORMS);
  if (!platforms.ok) return platforms;
  const kinds = readIds(r.kinds, 'kinds', KIND_IDS);
  if (!kinds.ok) return kinds;
  const disclosure = parseDisclosure(r.disclosure, period.value.granularity, kinds.value);
  if (!disclosure.ok) return disclosure;

  const { granularity, endDate, includeManual, startDate } = period.value;
  const study: Study = {
    format: STUDY_FORMAT,
    version: STUDY_VERSION,
    ...who.value,
    granularity,
    platforms: platforms.value,
    kinds: kinds.value,
    endDate,
    includeManual,
  };
  if (startDate !== undefined) study.startDate = startDate;
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
