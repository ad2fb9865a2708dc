import { csvCell } from '../csv';
import { type InterfaceLanguage, isInterfaceLanguage, loadLanguageChoice } from '../i18n-fallback';
import { sanitizeSettings, type ValuationSettings } from '../valuation';
import { modeOf, type WeeklyMode } from '../weekly/choose';
import { loadWeekly } from '../weekly/store';
import { RollupBuffer } from './ingest';
import { withStamp } from './local-time';
import { readAllEvents } from './read-events';
import { isReadableEvent } from './rows';
import { type ClickworkDB, type LaborEvent, SCHEMA_VERSION } from './schema';
import { loadValuationSettings } from './settings';
import { loadTracking, retentionCutoff, sanitizeTracking, type TrackingSettings } from './tracking';
import { currentDetail } from './upgrade-v5';

/**
 * The personal backup: the user's full local history and settings, to keep or move to another
 * browser. Not anonymised (hosts and target keys are in it): it is for the user alone.
 */
export const BACKUP_FORMAT = 'clickwork-meter/personal-backup';
export const BACKUP_VERSION = 1;
/** Larger files are refused before parsing (about 1,000,000 events). */
export const MAX_BACKUP_BYTES = 300 * 1024 * 1024;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  schemaVersion: number;
  exportedAt: string;
  extensionVersion: string;
  /** The chosen rates, and what is tracked (platforms switched off, retention, private windows, badge; a pause is not kept). */
  settings: {
    valuation: ValuationSettings;
    tracking?: Omit<TrackingSettings, 'pausedUntil'>;
    /** The interface language chosen (`browser`: the browser's own); kept in extension storage. */
    language?: InterfaceLanguage | 'browser';
    /** The weekly look back: off, a card in the popup, or a browser notification. */
    weekly?: WeeklyMode;
  };
  events: Omit<LaborEvent, 'id'>[];
}

function withoutPause({ pausedUntil: _pause, ...rest }: TrackingSettings): Omit<TrackingSettings, 'pausedUntil'> {
  return rest;
}

export async function exportBackup(db: ClickworkDB, extensionVersion: string, locale: string): Promise<Backup> {
  const events: Omit<LaborEvent, 'id'>[] = await readAllEvents(db);
  // Fresh objects, ours: the id IndexedDB put in each is taken off in place rather than each event
  // copied without it (a copy per event was a third of the export's time in Chromium).
  for (const e of events as LaborEvent[]) delete e.id;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: new Date().toISOString(),
    extensionVersion,
    settings: {
      valuation: await loadValuationSettings(db, locale),
      tracking: withoutPause(await loadTracking(db)),
      language: (await loadLanguageChoice()) ?? 'browser',
      weekly: modeOf(await loadWeekly(db)),
    },
    events,
  };
}

const CSV_COLUMNS = [
  'ts',
  'iso_time',
  'kind',
  'platform',
  'detail',
  'duration_ms',
  'rounds',
  'signal',
  'host',
  'undone_at',
  'count',
] as const;

/** A row a reader cannot use is still written as it is stored; only a real time gets its ISO form. */
const isoTime = (ts: unknown) => (typeof ts === 'number' && Math.abs(ts) <= 8.64e15 ? new Date(ts).toISOString() : '');

/** The history as CSV (one row per event, a header row), for spreadsheets; every cell formula-safe (lib/csv.ts). */
export function backupToCsv(backup: Backup): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of backup.events) {
    lines.push(
      [e.ts, isoTime(e.ts), e.kind, e.platform, e.detail, e.durationMs, e.rounds, e.signal, e.host, e.undoneAt, e.count ?? 1]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Why an action of the file was not added (nothing here is ever deleted by a restore). */
export interface Skipped {
  /** Malformed in the file: a required field missing or of the wrong type (see lib/db/rows.ts). */
  unreadable: number;
  /** Older than the history kept here (Tracking, retention): it would be deleted at once. */
  retention: number;
}

/** The file's settings, cleaned: offered apart from the restore, never applied by it. */
export interface FileSettings {
  valuation?: ValuationSettings;
  tracking?: Omit<TrackingSettings, 'pausedUntil'>;
  language?: InterfaceLanguage | 'browser';
  weekly?: WeeklyMode;
}

export type ImportResult =
  | { ok: true; added: number; duplicates: number; skipped: Skipped; settings: FileSettings }
  | { ok: false; error: string };

const fail = (error: string): ImportResult => ({ ok: false, error });

/** One event of a backup, with only the fields of the data dictionary; undefined when a reader could not use it. */
function parseEvent(raw: unknown): Omit<LaborEvent, 'id'> | undefined {
  if (!isReadableEvent(raw)) return undefined;
  const e: Omit<LaborEvent, 'id'> = {
    kind: raw.kind,
    platform: raw.platform,
    // A backup written before schema version 5 holds GitHub's thumbs under their old details.
    detail: currentDetail(raw.platform, raw.detail),
    ts: raw.ts,
    signal: raw.signal,
  };
  if (raw.durationMs !== undefined) e.durationMs = raw.durationMs;
  if (raw.rounds !== undefined) e.rounds = raw.rounds;
  if (raw.host !== undefined) e.host = raw.host;
  if (raw.targetKey !== undefined) e.targetKey = raw.targetKey;
  if (raw.undoneAt !== undefined) e.undoneAt = raw.undoneAt;
  if (raw.count !== undefined) e.count = raw.count;
  // The local day and hour it happened (a backup from before version 4 has none: stamped here).
  return withStamp(Object.assign(e, { day: raw.day, hour: raw.hour, utcOffset: raw.utcOffset }));
}

/** The same action in two histories: the same kind, platform, detail, moment and target. */
const identity = (e: Omit<LaborEvent, 'id'>) => `${e.platform}|${e.kind}|${e.detail}|${e.ts}|${e.targetKey ?? ''}`;

/**
 * The identities of the stored events between two times (both included), read `page` rows per
 * request in the time index's order (by time, then id) instead of one cursor step per row: a
 * restore into a long history reads hundreds of thousands of them. A page that ends inside a run
 * of equal times resumes at that time, past the ids already read.
 */
export async function identitiesBetween(db: ClickworkDB, from: number, to: number, page = 20_000): Promise<Set<string>> {
  const out = new Set<string>();
  let at = from;
  let lastId = Number.NEGATIVE_INFINITY;
  let size = page;
  for (;;) {
    const rows = await db.events.where('ts').between(at, to, true, true).limit(size).toArray();
    let fresh = 0;
    for (const e of rows) {
      if (e.ts === at && (e.id as number) <= lastId) continue;
      out.add(identity(e));
      fresh++;
    }
    if (rows.length < size) return out;
    const last = rows[rows.length - 1] as LaborEvent;
    // A page of one time only, read already: a longer page gets past it.
    if (!fresh) size *= 2;
    if (last.ts !== at) lastId = Number.NEGATIVE_INFINITY;
    at = last.ts;
    // In index order, the last row has the highest id of its time.
    lastId = Math.max(lastId, last.id as number);
  }
}

/** The file's settings, cleaned as stored settings are; absent parts stay absent. */
function fileSettings(raw: unknown, locale: string): FileSettings {
  const r = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: FileSettings = {};
  if (r.valuation !== undefined) out.valuation = sanitizeSettings(r.valuation, locale);
  if (r.tracking !== undefined) out.tracking = withoutPause(sanitizeTracking(r.tracking));
  // A language this version does not have is left out, like any unreadable part.
  if (r.language === 'browser' || isInterfaceLanguage(r.language)) out.language = r.language;
  if (r.weekly === 'off' || r.weekly === 'card' || r.weekly === 'notify') out.weekly = r.weekly;
  return out;
}

/** The envelope of a backup file; its events unread. */
function readEnvelope(text: string): { error: string } | { events: unknown[]; settings: unknown } {
  if (text.length > MAX_BACKUP_BYTES) return { error: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: 'not-json' };
  }
  if (data === null || typeof data !== 'object' || (data as { format?: unknown }).format !== BACKUP_FORMAT)
    return { error: 'foreign' };
  const b = data as Record<string, unknown>;
  if (b.version !== BACKUP_VERSION) return { error: 'unsupported-version' };
  if (typeof b.schemaVersion !== 'number' || b.schemaVersion > SCHEMA_VERSION) return { error: 'newer-schema' };
  if (!Array.isArray(b.events)) return { error: 'no-events' };
  return { events: b.events, settings: b.settings };
}

/** The file's events this history can take, in one pass: why the others were left out, and the times they span. */
function fileEvents(raw: unknown[], cutoff: number) {
  const events: Omit<LaborEvent, 'id'>[] = [];
  const skipped: Skipped = { unreadable: 0, retention: 0 };
  // A loop, not Math.min(...): a spread of a million arguments overflows the stack.
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const r of raw) {
    const e = parseEvent(r);
    if (!e) skipped.unreadable++;
    else if (e.ts < cutoff) skipped.retention++;
    else {
      events.push(e);
      if (e.ts < from) from = e.ts;
      if (e.ts > to) to = e.ts;
    }
  }
  return { events, skipped, from, to };
}

/** Events written per request batch of a restore: the progress moves once per chunk. */
export const IMPORT_CHUNK = 5000;

/**
 * Merges a backup file into the database: a merge and only a merge. Its actions are added, except
 * those already present (so importing the same file twice changes nothing), those a reader could
 * not use, and those older than the history kept here (which retention would delete at once),
 * each counted. Nothing is deleted and no setting changes: the file's settings are returned, for
 * the user to review and apply one by one (restore-settings.ts). A file that is not a backup is
 * refused as a whole, with a reason.
 */
export async function importBackup(
  db: ClickworkDB,
  text: string,
  locale: string,
  onProgress?: (written: number, total: number) => void,
): Promise<ImportResult> {
  const envelope = readEnvelope(text);
  if ('error' in envelope) return fail(envelope.error);
  const { retentionDays } = await loadTracking(db);
  const cutoff = retentionDays === undefined ? Number.NEGATIVE_INFINITY : retentionCutoff(retentionDays);
  const { events, skipped, from, to } = fileEvents(envelope.events, cutoff);
  const settings = fileSettings(envelope.settings, locale);

  return db.transaction('rw', [db.events, db.daily, db.hours], async () => {
    const present = events.length ? await identitiesBetween(db, from, to) : new Set<string>();
    const fresh: Omit<LaborEvent, 'id'>[] = [];
    for (const e of events) {
      const key = identity(e);
      if (present.has(key)) continue;
      present.add(key);
      fresh.push(e);
    }
    // The adds are all requested at once, in chunks whose ends report the progress (in order: the
    // browser writes one request after another); the totals are added up while it writes them.
    let written = 0;
    onProgress?.(0, fresh.length);
    const adding: Promise<void>[] = [];
    for (let at = 0; at < fresh.length; at += IMPORT_CHUNK) {
      const chunk = fresh.slice(at, at + IMPORT_CHUNK);
      adding.push(
        db.events.bulkAdd(chunk).then(() => {
          written += chunk.length;
          onProgress?.(written, fresh.length);
        }),
      );
    }
    const rollup = new RollupBuffer();
    for (const e of fresh) if (!e.undoneAt) rollup.bump(e, 1);
    await Promise.all(adding);
    await rollup.flush(db);
    return { ok: true as const, added: fresh.length, duplicates: events.length - fresh.length, skipped, settings };
  });
}
