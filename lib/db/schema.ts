import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Kind, PlatformId, Signal, Slot } from '../taxonomy';
import type { HoursKey, HoursRow } from './hours';
import { upgradeToV4 } from './upgrade-v4';
import { upgradeToV5 } from './upgrade-v5';
import { upgradeToV6 } from './upgrade-v6';

/** One completed action of click-work (see the data dictionary in README.md). */
export interface LaborEvent {
  id?: number;
  kind: Kind;
  platform: PlatformId;
  detail: string;
  /** When the action completed, ms since the epoch. */
  ts: number;
  /** Measured active time; absent when it was not measured. */
  durationMs?: number;
  /** CAPTCHA puzzle rounds submitted, where known. */
  rounds?: number;
  signal: Signal;
  /**
   * How many actions the row stands for: only a hand-entered row (`signal: 'manual'`) has it
   * (1–1000); absent means one. A hand-entered row's `durationMs` is the time the user stated.
   */
  count?: number;
  /** Local only: the page's host (for a CAPTCHA, the embedding site). */
  host?: string;
  /** Local only: salted hash of the target's id, to net out undo and drop duplicates. */
  targetKey?: string;
  /** When the action was undone; every reader ignores undone events. */
  undoneAt?: number;
  /**
   * Local calendar day (YYYY-MM-DD), hour (0-23) and offset from UTC (minutes east) when the
   * action happened, stamped when it was recorded (lib/db/local-time.ts; schema version 4).
   */
  day?: string;
  hour?: number;
  utcOffset?: number;
}

/** Per-day totals of active events, kept in the same transaction as the events they count. */
export interface DailyRollup {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
  platform: PlatformId;
  kind: Kind;
  detail: string;
  count: number;
  /** Sum of measured durations, and how many of the events had one. */
  measuredMs: number;
  measuredCount: number;
  /**
   * How many of `count` were entered by hand, how many of those came with a stated time, and that
   * time (absent in rows written before hand-entered actions existed: zero).
   */
  manualCount?: number;
  manualTimedCount?: number;
  manualMs?: number;
}

/** The daily table's compound primary key, `[day+platform+kind+detail]`. */
export type DailyKey = [day: string, platform: PlatformId, kind: Kind, detail: string];

/**
 * Per-hour totals (local hour when recorded), kept like the daily ones: the hour exports read them.
 * Stored one row per hour up to schema version 5; since version 6 a day's 24 hours are one row
 * (`HoursRow`, lib/db/hours.ts), which readers unpack into these.
 */
export interface HourlyRollup extends DailyRollup {
  hour: number;
}

/** The hourly table's compound primary key, `[day+hour+platform+kind+detail]` (schema versions 4 and 5). */
export type HourlyKey = [day: string, hour: number, platform: PlatformId, kind: Kind, detail: string];

/** A CAPTCHA widget between "challenge shown" and "passed". */
export interface PendingCaptcha {
  key: string;
  shownAt?: number;
  rounds: number;
  updatedAt: number;
}

/** The live self-check of one platform's detector (see Detector.health). */
export interface HealthRow {
  platform: PlatformId;
  /** Last time its controls were found on a page where they must be. */
  lastOk?: number;
  /** Last time such a page showed none of them. */
  lastMissing?: number;
  /** First miss since the last success, and how many page views missed since then. */
  missingSince?: number;
  missingCount: number;
}

/**
 * Content-script messages already stored: a retry of one is dropped. A row per batch written
 * (lib/background/writer.ts): `ids` its messages' ids, `id` the first of them (the key); a row
 * without `ids` (one message, and every row before December 2026) stands for `id` alone.
 */
export interface SeenRow {
  id: string;
  at: number;
  ids?: string[];
}

/**
 * The last trusted click or key press on a platform's page, per tab, frame and platform: it vouches
 * for that page's requests for a few seconds (lib/background/gestures.ts). Kept so that a restarted
 * service worker still knows it; pruned within a minute of expiring.
 */
export interface GestureRow {
  /** `tabId|frameId|platform` */
  key: string;
  tabId: number;
  frameId: number;
  platform: PlatformId;
  /** The document the gesture happened in (Chrome); absent in Firefox. */
  documentId?: string;
  /** Origin of the page acted on (compared with a request's document where ids are missing). */
  origin: string;
  /** Host of the page acted on: the host stored with the events it vouches for. */
  host?: string;
  ts: number;
  incognito: boolean;
  /** `action|op` of the request-only actions it has already let through (each at most `clicks` times). */
  used: string[];
  /** The trusted clicks it stands for (absent: one); see GestureMessage.clicks. */
  clicks?: number;
  /** The first of those clicks' time, when earlier than `ts` (GestureMessage.from). */
  from?: number;
}

/**
 * A platform's request for an action a DOM control reports, waiting (at most the merge window) for
 * the control's sighting, which it then confirms or refines. It never counts alone.
 */
export interface ParkedRow {
  id?: number;
  platform: PlatformId;
  kind: Kind;
  detail: string;
  slot: Slot;
  ts: number;
  targetKey?: string;
  host?: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'clickwork';

/** Released schemas, kept so that tests can build a database of each older version. */
export const SCHEMA_V1 = {
  events: '++id, ts, [platform+ts], [platform+targetKey]',
  daily: '[day+platform+kind+detail], day',
  pending: 'key',
  meta: 'key',
} as const;
/** Version 2 adds the detectors' health and the ids of messages already stored (exactly-once). */
export const SCHEMA_V2 = { ...SCHEMA_V1, health: 'platform', seen: 'id, at' } as const;
/** Version 3 keeps gestures and requests awaiting their click's sighting across worker restarts. */
export const SCHEMA_V3 = { ...SCHEMA_V2, gestures: 'key, ts', parked: '++id, [platform+ts], ts' } as const;
/**
 * Version 4 stamps each event with its local day, hour and UTC offset when recorded, and keeps
 * per-hour totals beside the per-day ones (the upgrade stamps existing events and adds them up).
 */
export const SCHEMA_V4 = { ...SCHEMA_V3, hourly: '[day+hour+platform+kind+detail], day' } as const;
/**
 * Version 5 keeps the tables of version 4; its upgrade renames GitHub's thumbs details to the
 * export's form (`thumbs_up` → `thumbs-up`) in events and totals (lib/db/upgrade-v5.ts).
 */
export const SCHEMA_V5 = SCHEMA_V4;
/**
 * Version 6 stores a day's per-hour totals of one platform, kind and detail as one row of 24 slots
 * (`hours`, lib/db/hours.ts) instead of one row per hour (`hourly`, deleted after the upgrade has
 * moved its rows: lib/db/upgrade-v6.ts): a year by the hour reads as many rows as by the day.
 */
export const SCHEMA_V6 = { ...SCHEMA_V5, hourly: null, hours: '[day+platform+kind+detail], day' } as const;
export const SCHEMA_VERSION = 6;

export class ClickworkDB extends Dexie {
  events!: EntityTable<LaborEvent, 'id'>;
  daily!: Table<DailyRollup, DailyKey>;
  hours!: Table<HoursRow, HoursKey>;
  pending!: EntityTable<PendingCaptcha, 'key'>;
  meta!: EntityTable<MetaRow, 'key'>;
  health!: EntityTable<HealthRow, 'platform'>;
  seen!: EntityTable<SeenRow, 'id'>;
  gestures!: EntityTable<GestureRow, 'key'>;
  parked!: EntityTable<ParkedRow, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    // Never change a version once released: add a new one (with an upgrade function if rows
    // change) and a fixture database of the old version in tests/fixtures/db/.
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4);
    this.version(5).stores(SCHEMA_V5).upgrade(upgradeToV5);
    this.version(6).stores(SCHEMA_V6).upgrade(upgradeToV6);
  }
}

/** Local calendar day of a timestamp, YYYY-MM-DD. */
export function dayKey(ts: number): string {
  const d = new Date(ts);
  const m = d.getMonth() + 1;
  const day = d.getDate();
  return `${d.getFullYear()}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}
