import type { Sighting } from '../db/ingest';
import type { ClickworkDB } from '../db/schema';
import type { CaptchaMessage } from '../messages';

/** A challenge shown but not passed within this time was abandoned. */
export const CAPTCHA_PENDING_TTL_MS = 15 * 60_000;

/**
 * Passes in one tab closer than this to the last one counted are not counted: a
 * person does not solve two CAPTCHAs in half a minute, while a site can hide a widget under its own
 * buttons (clickjacking) so that each of the person's clicks passes it, then reset it.
 */
export const CAPTCHA_MIN_GAP_MS = 30_000;

/**
 * The key of a tab's last pass counted, whatever the provider and widget (a site can draw a new one
 * each time, or stack several providers). It cannot be a widget's key: those start with the tab id.
 */
const lastPassKey = (tabId: number) => `last-pass|${tabId}`;

/** Whether a pass at `ts` is the tab's first in CAPTCHA_MIN_GAP_MS (either way: messages of two frames may cross). */
async function firstPassInGap(db: ClickworkDB, tabId: number, ts: number): Promise<boolean> {
  const key = lastPassKey(tabId);
  const last = await db.pending.get(key);
  if (last && Math.abs(ts - last.updatedAt) < CAPTCHA_MIN_GAP_MS) return false;
  await db.pending.put({ key, rounds: 0, updatedAt: Math.max(ts, last?.updatedAt ?? ts) });
  return true;
}

/**
 * Tracks one CAPTCHA widget from challenge shown to passed, across its frames (keyed by tab,
 * provider and site key); returns the event when it passed: a checkbox when no challenge was
 * shown, else a challenge with its duration and rounds. Runs inside the caller's transaction
 * (which must include `pending`), so its effect and the event it yields commit together.
 */
export async function captchaStep(db: ClickworkDB, m: CaptchaMessage, tabId: number, host?: string): Promise<Sighting | null> {
  const key = `${tabId}|${m.platform}|${m.widget}`;
  const found = await db.pending.get(key);
  const pending = found && m.ts - found.updatedAt < CAPTCHA_PENDING_TTL_MS ? found : undefined;
  if (m.phase !== 'passed') {
    const rounds = (pending?.rounds ?? 0) + (m.phase === 'round' ? 1 : 0);
    await db.pending.put({ key, shownAt: pending?.shownAt ?? m.ts, rounds, updatedAt: m.ts });
    return null;
  }
  await db.pending.delete(key);
  // The practice page is the extension's own: a teacher may pass its CAPTCHA again and again.
  if (m.platform !== 'practice' && !(await firstPassInGap(db, tabId, m.ts))) return null;
  const base = {
    platform: m.platform,
    kind: 'captcha' as const,
    slot: 'none' as const,
    op: 'add' as const,
    signal: 'dom' as const,
    ts: m.ts,
    host,
  };
  if (pending?.shownAt === undefined) return { ...base, detail: 'checkbox' };
  return {
    ...base,
    detail: 'challenge',
    durationMs: Math.max(0, m.ts - pending.shownAt),
    rounds: Math.max(1, pending.rounds),
  };
}
