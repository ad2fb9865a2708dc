import { csvCell } from '../csv';
import { isKind, isPlatformId, SIGNALS } from '../taxonomy';
import { sanitizeSettings, type ValuationSettings } from '../valuation';
import { RollupBuffer } from './ingest';
import { type ClickworkDB, type LaborEvent, SCHEMA_VERSION } from './schema';
import { loadValuationSettings, saveValuationSettings } from './settings';
import { loadTracking, sanitizeTracking, saveTracking, type TrackingSettings } from './tracking';

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
  settings: { valuation: ValuationSettings; tracking?: Omit<TrackingSettings, 'pausedUntil'> };
  events: Omit<LaborEvent, 'id'>[];
}

function withoutPause({ pausedUntil: _pause, ...rest }: TrackingSettings): Omit<TrackingSettings, 'pausedUntil'> {
  return rest;
}

export async function exportBackup(db: ClickworkDB, extensionVersion: string, locale: string): Promise<Backup> {
  const events = (await db.events.toArray()).map(({ id: _id, ...e }) => e);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: new Date().toISOString(),
    extensionVersion,
    settings: { valuation: await loadValuationSettings(db, locale), tracking: withoutPause(await loadTracking(db)) },
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

/** The history as CSV (one row per event, a header row), for spreadsheets. */
export function backupToCsv(backup: Backup): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of backup.events) {
    lines.push(
      [
        e.ts,
        new Date(e.ts).toISOString(),
        e.kind,
        e.platform,
        e.detail,
        e.durationMs,
        e.rounds,
        e.signal,
        e.host,
        e.undoneAt,
        e.count ?? 1,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export type ImportResult = { ok: true; added: number; duplicates: number } | { ok: false; error: string };

const fail = (error: string): ImportResult => ({ ok: false, error });

/** One event of a backup, checked field by field; undefined when it is not a valid event. */
function parseEvent(raw: unknown): Omit<LaborEvent, 'id'> | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  const shortString = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;
  const time = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 946_684_800_000 && v < 4_102_444_800_000;
  if (!isKind(r.kind) || !isPlatformId(r.platform) || !shortString(r.detail, 40) || !time(r.ts)) return undefined;
  if (!(SIGNALS as readonly unknown[]).includes(r.signal)) return undefined;
  const e: Omit<LaborEvent, 'id'> = {
    kind: r.kind,
    platform: r.platform,
    detail: r.detail as string,
    ts: r.ts as number,
    signal: r.signal as LaborEvent['signal'],
  };
  if (r.durationMs !== undefined) {
    if (typeof r.durationMs !== 'number' || !(r.durationMs >= 0 && r.durationMs < 86_400_000)) return undefined;
    e.durationMs = r.durationMs;
  }
  if (r.count !== undefined) {
    // Only a hand-entered row stands for more than one action.
    if (r.signal !== 'manual' || !Number.isInteger(r.count) || (r.count as number) < 1 || (r.count as number) > 1000)
      return undefined;
    e.count = r.count as number;
  }
  if (r.rounds !== undefined) {
    if (!Number.isInteger(r.rounds) || (r.rounds as number) < 0 || (r.rounds as number) > 1000) return undefined;
    e.rounds = r.rounds as number;
  }
  if (r.host !== undefined) {
    if (!shortString(r.host, 253)) return undefined;
    e.host = r.host as string;
  }
  if (r.targetKey !== undefined) {
    if (!shortString(r.targetKey, 64)) return undefined;
    e.targetKey = r.targetKey as string;
  }
  if (r.undoneAt !== undefined) {
    if (!time(r.undoneAt)) return undefined;
    e.undoneAt = r.undoneAt as number;
  }
  return e;
}

/** The same action in two histories: the same kind, platform, detail, moment and target. */
const identity = (e: Omit<LaborEvent, 'id'>) => `${e.platform}|${e.kind}|${e.detail}|${e.ts}|${e.targetKey ?? ''}`;

/**
 * Merges a backup file into the database: all of it or, with a reason, nothing. Events already
 * present are skipped, so importing the same file twice changes nothing.
 */
export async function importBackup(db: ClickworkDB, text: string, locale: string): Promise<ImportResult> {
  if (text.length > MAX_BACKUP_BYTES) return fail('too-large');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('not-json');
  }
  if (data === null || typeof data !== 'object' || (data as { format?: unknown }).format !== BACKUP_FORMAT)
    return fail('foreign');
  const b = data as Record<string, unknown>;
  if (b.version !== BACKUP_VERSION) return fail('unsupported-version');
  if (typeof b.schemaVersion !== 'number' || b.schemaVersion > SCHEMA_VERSION) return fail('newer-schema');
  if (!Array.isArray(b.events)) return fail('no-events');
  const events: Omit<LaborEvent, 'id'>[] = [];
  for (const raw of b.events) {
    const e = parseEvent(raw);
    if (!e) return fail('invalid-event');
    events.push(e);
  }
  const settings = (b.settings as { valuation?: unknown } | undefined)?.valuation;
  const tracking = (b.settings as { tracking?: unknown } | undefined)?.tracking;

  return db.transaction('rw', [db.events, db.daily, db.meta], async () => {
    const present = new Set<string>();
    if (events.length) {
      // A loop, not Math.min(...): a spread of a million arguments overflows the stack.
      let from = Number.POSITIVE_INFINITY;
      let to = Number.NEGATIVE_INFINITY;
      for (const e of events) {
        if (e.ts < from) from = e.ts;
        if (e.ts > to) to = e.ts;
      }
      await db.events
        .where('ts')
        .between(from, to, true, true)
        .each((e) => present.add(identity(e)));
    }
    const fresh = events.filter((e) => {
      const key = identity(e);
      if (present.has(key)) return false;
      present.add(key);
      return true;
    });
    await db.events.bulkAdd(fresh);
    const rollup = new RollupBuffer();
    for (const e of fresh) if (!e.undoneAt) rollup.bump(e, 1);
    await rollup.flush(db);
    if (settings !== undefined) await saveValuationSettings(db, sanitizeSettings(settings, locale));
    if (tracking !== undefined) {
      // The pause of the browser the file came from is not carried over; this browser's pause stays.
      const { pausedUntil } = await loadTracking(db);
      const restored = withoutPause(sanitizeTracking(tracking));
      await saveTracking(db, pausedUntil === undefined ? restored : { ...restored, pausedUntil });
    }
    return { ok: true as const, added: fresh.length, duplicates: events.length - fresh.length };
  });
}
