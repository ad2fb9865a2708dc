import { nativeBrowser as browser } from '../native-browser';
import { isPlatformId, type PlatformId } from '../taxonomy';
import { notTracked, TRACKING_STATE_KEY, type TrackingState } from '../tracking-state';
import type { ClickworkDB } from './schema';

export { notTracked, TRACKING_STATE_KEY, type TrackingState };

/** What the user lets the extension count (dashboard, "Tracking"). */
export interface TrackingSettings {
  /** Nothing is counted until then (ms since the epoch). */
  pausedUntil?: number;
  /** Platforms the user switched off. */
  disabled: PlatformId[];
  /** Events older than this many days are deleted; absent = kept until the user deletes them. */
  retentionDays?: number;
  /** Count in private windows too (the browser must also allow the extension there). */
  privateWindows: boolean;
  /** Show today's count on the toolbar button. */
  badge?: boolean;
}

export const DEFAULT_TRACKING: TrackingSettings = { disabled: [], privateWindows: false };
export const RETENTION_CHOICES = [30, 90, 365, 730] as const;

const KEY = 'tracking';

export function sanitizeTracking(raw: unknown): TrackingSettings {
  if (raw === null || typeof raw !== 'object') return { ...DEFAULT_TRACKING };
  const r = raw as Record<string, unknown>;
  const out: TrackingSettings = {
    disabled: Array.isArray(r.disabled) ? r.disabled.filter(isPlatformId) : [],
    privateWindows: r.privateWindows === true,
  };
  if (r.badge === true) out.badge = true;
  if (typeof r.pausedUntil === 'number' && Number.isFinite(r.pausedUntil)) out.pausedUntil = r.pausedUntil;
  if (typeof r.retentionDays === 'number' && (RETENTION_CHOICES as readonly number[]).includes(r.retentionDays))
    out.retentionDays = r.retentionDays;
  return out;
}

export async function loadTracking(db: ClickworkDB): Promise<TrackingSettings> {
  return sanitizeTracking((await db.meta.get(KEY))?.value);
}

export async function saveTracking(db: ClickworkDB, settings: TrackingSettings): Promise<void> {
  await publishTracking(await writeTracking(db, settings));
}

/**
 * Writes the settings to the database only (safe inside a Dexie transaction, which must not wait
 * on another API); the caller publishes them with `publishTracking` once the transaction is done.
 */
export async function writeTracking(db: ClickworkDB, settings: TrackingSettings): Promise<TrackingSettings> {
  const clean = sanitizeTracking(settings);
  await db.meta.put({ key: KEY, value: clean });
  return clean;
}

/**
 * Copies pause, switched-off platforms and the private-window choice to extension storage, where
 * content scripts read them before starting and follow their changes. Called on every save and at
 * each background start; the database stays the reference.
 */
export async function publishTracking(settings: TrackingSettings): Promise<void> {
  const { pausedUntil, disabled, privateWindows } = sanitizeTracking(settings);
  const state: TrackingState = { disabled, privateWindows, ...(pausedUntil !== undefined ? { pausedUntil } : {}) };
  await browser.storage.local.set({ [TRACKING_STATE_KEY]: state });
}

/** The start of the oldest local day a retention of `retentionDays` keeps. */
export function retentionCutoff(retentionDays: number, now = Date.now()): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - retentionDays).getTime();
}

/** How many events a retention of `retentionDays` would delete now (the restore's settings step warns with it). */
export function countBeyondRetention(db: ClickworkDB, retentionDays: number, now = Date.now()): Promise<number> {
  return db.events.where('ts').below(retentionCutoff(retentionDays, now)).count();
}

/** Deletes events (and their day totals) older than the retention period. */
export async function applyRetention(db: ClickworkDB, retentionDays: number, now = Date.now()): Promise<number> {
  const cutoff = retentionCutoff(retentionDays, now);
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  const c = new Date(cutoff);
  const cutoffDay = `${c.getFullYear()}-${pad(c.getMonth() + 1)}-${pad(c.getDate())}`;
  return db.transaction('rw', db.events, db.daily, db.hours, async () => {
    const removed = await db.events.where('ts').below(cutoff).delete();
    await db.daily.where('day').below(cutoffDay).delete();
    await db.hours.where('day').below(cutoffDay).delete();
    return removed;
  });
}
