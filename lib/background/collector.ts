import { recordHealth } from '../db/health';
import { applySighting, RollupBuffer, type Sighting } from '../db/ingest';
import type { ClickworkDB } from '../db/schema';
import { applyRetention, DEFAULT_TRACKING, loadTracking, notTracked, type TrackingSettings } from '../db/tracking';
import practice from '../detectors/practice';
import { detectorFor } from '../detectors/registry';
import type { Detector } from '../detectors/types';
import { matchesAny } from '../match-pattern';
import { type CaptchaMessage, type ContentMessage, parseMessage } from '../messages';
import { matchRequest, type RequestDetails, requestOrigin } from './network';

/** A write refused because the browser's storage quota (or the disk) is full. */
export function isQuotaError(error: unknown): boolean {
  const names: string[] = [];
  for (let e = error as { name?: string; inner?: unknown } | undefined; e && names.length < 5; e = e.inner as typeof e) {
    if (e.name) names.push(e.name);
  }
  return names.some((n) => n === 'QuotaExceededError');
}

function isPracticePage(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'chrome-extension:' || u.protocol === 'moz-extension:') && u.pathname === '/practice.html';
  } catch {
    return false;
  }
}

/** Who sent a runtime message, as the browser reports it. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string; incognito?: boolean };
  frameId?: number;
}

/** A platform request counts only this soon after a trusted gesture in its tab. */
export const GESTURE_WINDOW_MS = 10_000;
/** How long a request waits for the message of the gesture that caused it. */
export const GESTURE_GRACE_MS = 400;

/** A challenge shown but not passed within this time was abandoned. */
export const CAPTCHA_PENDING_TTL_MS = 15 * 60_000;

interface Ack {
  resolve(): void;
  reject(error: unknown): void;
}

type Queued = { id?: string; ack?: Ack; incognito?: boolean } & (
  | { kind: 'sighting'; sighting: Sighting; rawTarget?: string }
  | { kind: 'health'; platform: Detector['id']; ok: boolean; ts: number }
  | { kind: 'captcha'; message: CaptchaMessage; tabId: number; host?: string }
);

/** Ids of stored messages are kept this long: far beyond any retry of the same message. */
export const SEEN_TTL_MS = 24 * 3_600_000;

export type Receipt = { ok: true; stored: Promise<void> } | { ok: false; error: string };

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : undefined;
  } catch {
    return undefined;
  }
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The background's intake: validates content-script messages and observed requests, turns them
 * into sightings, and stores them in order, in batches, one transaction per batch.
 */
export class Collector {
  private queue: Queued[] = [];
  /** Requests waiting for their gesture's message. */
  private delayed = 0;
  private running: Promise<void> = Promise.resolve();
  private scheduled = false;
  private salt: Promise<string> | undefined;
  private lastPrune = 0;
  /** Last trusted gesture per tab; kept in memory only, like the requests it vouches for. */
  private readonly gestures = new Map<number, number>();
  readonly refused: { error: string; at: number }[] = [];
  /** The user's tracking choices; refreshed with `refreshTracking()` when they change. */
  private tracking: TrackingSettings = { ...DEFAULT_TRACKING };
  /** Settles once the choices are read: a worker just woken must not count during a pause. */
  private trackingRead: Promise<void> = Promise.resolve();
  private lastRetention = 0;
  /** Set while writes fail (the disk is full, most often); cleared by the next successful write. */
  storageProblem: { at: number; full: boolean } | undefined;

  constructor(
    private readonly db: ClickworkDB,
    private readonly extensionId: string,
    private readonly onChanged: () => void = () => {},
  ) {}

  /**
   * Accepts or refuses one runtime message; refusals are logged, never stored. An accepted message
   * comes with a promise that settles once it is stored (or dropped as a resend of a stored one).
   */
  receive(raw: unknown, sender: MessageSender): Receipt {
    const refuse = (error: string) => {
      this.refused.push({ error, at: Date.now() });
      if (this.refused.length > 50) this.refused.shift();
      console.warn('[clickwork] refused message:', error);
      return { ok: false as const, error };
    };
    if (sender.id !== this.extensionId) return refuse('sender is not this extension');
    const parsed = parseMessage(raw);
    if (!parsed.ok) return refuse(parsed.error);
    const message: ContentMessage = parsed.value;
    const detector: Detector | undefined = message.platform === 'practice' ? practice : detectorFor(message.platform);
    if (!detector) return refuse('no detector for platform');
    // A content script speaks only for the platform whose pages it runs on; practice comes only
    // from the extension's own practice page.
    if (detector === practice ? !isPracticePage(sender.url) : !sender.url || !matchesAny(detector.matches, sender.url)) {
      return refuse('sender page does not belong to the platform');
    }
    const host = hostOf(sender.tab?.url ?? sender.url);
    // Paused, switched off, or a private window: accepted (nothing is wrong) but not counted.
    // Gestures are dropped too, so that the platform's requests in that tab do not count either.
    if (message.type !== 'health' && notTracked(this.tracking, detector.id, sender.tab?.incognito === true)) {
      return { ok: true, stored: Promise.resolve() };
    }
    if (message.type === 'gesture') {
      if (sender.tab?.id !== undefined) this.gestures.set(sender.tab.id, message.ts);
      return { ok: true, stored: Promise.resolve() };
    }
    if (message.type === 'health') {
      return { ok: true, stored: this.enqueue({ kind: 'health', platform: detector.id, ok: message.ok, ts: message.ts }) };
    }
    if (message.type === 'captcha') {
      if (!detector.captcha) return refuse('platform has no captcha');
      return {
        ok: true,
        stored: this.enqueue({
          kind: 'captcha',
          id: message.id,
          incognito: sender.tab?.incognito,
          message,
          tabId: sender.tab?.id ?? -1,
          host,
        }),
      };
    }
    const spec = detector.actions[message.action];
    if (!spec) return refuse('unknown action for platform');
    const stored = this.enqueue({
      kind: 'sighting',
      id: message.id,
      incognito: sender.tab?.incognito,
      rawTarget: message.target,
      sighting: {
        platform: detector.id,
        kind: spec.kind,
        detail: spec.detail,
        slot: spec.slot,
        op: message.op,
        signal: 'dom',
        ts: message.ts,
        host,
        ...(message.durationMs !== undefined ? { durationMs: message.durationMs } : {}),
      },
    });
    return { ok: true, stored };
  }

  /**
   * Looks at one request the platform's page sent; true when it names an action. It is stored only
   * if a trusted gesture in the same tab came shortly before: the gesture's message may arrive a
   * moment after the request, so the check waits `GESTURE_GRACE_MS`.
   */
  seeRequest(details: RequestDetails, detectors: readonly Detector[]): boolean {
    const origin = requestOrigin(details);
    if (origin?.startsWith(`chrome-extension://${this.extensionId}`) || origin?.startsWith('moz-extension://')) return false;
    if (details.tabId < 0) return false;
    const hit = matchRequest(detectors, details);
    if (!hit) return false;
    const spec = hit.detector.actions[hit.match.action];
    if (!spec) return false;
    const ts = Math.round(details.timeStamp || Date.now());
    const item: Queued = {
      kind: 'sighting',
      rawTarget: hit.match.target,
      sighting: {
        platform: hit.detector.id,
        kind: spec.kind,
        detail: spec.detail,
        slot: spec.slot,
        op: hit.match.op,
        signal: 'network',
        ts,
        host: hostOf(origin),
      },
    };
    this.delayed++;
    setTimeout(() => {
      this.delayed--;
      const gestureAt = this.gestures.get(details.tabId);
      if (gestureAt !== undefined && ts - gestureAt <= GESTURE_WINDOW_MS && gestureAt - ts <= GESTURE_GRACE_MS)
        this.enqueue(item);
      else console.debug('[clickwork] request without a user gesture ignored:', hit.detector.id, hit.match.action);
    }, GESTURE_GRACE_MS);
    return true;
  }

  /** Resolves when everything received so far is stored. */
  async flush(): Promise<void> {
    while (this.queue.length || this.scheduled || this.delayed) {
      await this.running;
      await new Promise((r) => setTimeout(r, 0));
    }
    await this.running;
  }

  private enqueue(item: Queued): Promise<void> {
    const stored = new Promise<void>((resolve, reject) => {
      item.ack = { resolve, reject };
    });
    this.queue.push(item);
    if (!this.scheduled) {
      this.scheduled = true;
      // Batch what arrives in the same turn into one transaction.
      setTimeout(() => {
        this.scheduled = false;
        const batch = this.queue.splice(0);
        this.running = this.running
          .then(() => this.store(batch))
          .then(
            () => {
              if (this.storageProblem) {
                this.storageProblem = undefined;
                this.onChanged();
              }
              for (const i of batch) i.ack?.resolve();
            },
            (error) => {
              console.error('[clickwork] could not store', batch.length, 'items:', error);
              this.storageProblem = { at: Date.now(), full: isQuotaError(error) };
              this.onChanged();
              for (const i of batch) i.ack?.reject(error);
            },
          );
      }, 0);
    }
    return stored;
  }

  /** Reads the tracking choices again (after the user changed them), and applies retention. */
  async refreshTracking(): Promise<void> {
    this.trackingRead = loadTracking(this.db).then((t) => {
      this.tracking = t;
    });
    await this.trackingRead;
    await this.retain(true);
    this.onChanged();
  }

  /** Whether the user wants today's count on the toolbar button. */
  get badgeWanted(): boolean {
    return this.tracking.badge === true;
  }

  /** Deletes what is older than the retention period, at most once a day unless forced. */
  private async retain(force = false): Promise<void> {
    const days = this.tracking.retentionDays;
    if (days === undefined || (!force && Date.now() - this.lastRetention < 86_400_000)) return;
    this.lastRetention = Date.now();
    if ((await applyRetention(this.db, days)) > 0) this.onChanged();
  }

  private getSalt(): Promise<string> {
    this.salt ??= this.db.transaction('rw', this.db.meta, async () => {
      const row = await this.db.meta.get('salt');
      if (typeof row?.value === 'string') return row.value;
      const value = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
      await this.db.meta.put({ key: 'salt', value });
      return value;
    });
    // A failed first write (a full disk) is not remembered: the next batch tries again.
    this.salt.catch(() => {
      this.salt = undefined;
    });
    return this.salt;
  }

  /**
   * Stores a batch in one transaction, in order. Message ids are recorded in the same transaction,
   * so a message resent after a lost confirmation is recognised and dropped: exactly once.
   */
  private async store(all: Queued[]): Promise<void> {
    await this.trackingRead.catch(() => {});
    const now0 = Date.now();
    const batch = all.filter((item) => {
      const platform =
        item.kind === 'sighting' ? item.sighting.platform : item.kind === 'captcha' ? item.message.platform : undefined;
      return !platform || !notTracked(this.tracking, platform, item.incognito === true, now0);
    });
    const salt = await this.getSalt();
    // Hashing is asynchronous outside IndexedDB: done before the transaction opens.
    for (const item of batch) {
      if (item.kind === 'sighting' && item.rawTarget) {
        item.sighting.targetKey = await sha256Hex(`${salt}|${item.sighting.platform}|${item.rawTarget}`);
      }
    }
    const { db } = this;
    let changed = false;
    await db.transaction('rw', [db.events, db.daily, db.pending, db.health, db.seen], async () => {
      const now = Date.now();
      const ids = batch.map((i) => i.id).filter((id): id is string => Boolean(id));
      // Ids already stored (a resend) or met earlier in this batch are skipped: exactly once.
      const known = new Set((await db.seen.bulkGet(ids)).filter((r) => r !== undefined).map((r) => r.id));
      const rollup = new RollupBuffer();
      for (const item of batch) {
        if (item.id) {
          if (known.has(item.id)) continue;
          known.add(item.id);
        }
        if (item.kind === 'sighting') await applySighting(db, item.sighting, rollup);
        else if (item.kind === 'health') await recordHealth(db, item.platform, item.ok, item.ts);
        else {
          const s = await this.captchaStep(item.message, item.tabId, item.host);
          if (s) await applySighting(db, s, rollup);
        }
        changed = true;
      }
      await rollup.flush(db);
      const fresh = ids.filter((id, i) => ids.indexOf(id) === i);
      if (fresh.length) await db.seen.bulkPut(fresh.map((id) => ({ id, at: now })));
      if (now - this.lastPrune > SEEN_TTL_MS / 24) {
        this.lastPrune = now;
        await db.seen
          .where('at')
          .below(now - SEEN_TTL_MS)
          .delete();
      }
    });
    if (changed) this.onChanged();
    await this.retain();
  }

  /** Tracks one widget from challenge shown to passed; returns the event when it passed. */
  private async captchaStep(m: CaptchaMessage, tabId: number, host?: string): Promise<Sighting | null> {
    const key = `${tabId}|${m.platform}|${m.widget}`;
    return this.db.transaction('rw', this.db.pending, async () => {
      // Runs inside store()'s transaction, so its effect and the event it yields commit together.
      const found = await this.db.pending.get(key);
      const pending = found && m.ts - found.updatedAt < CAPTCHA_PENDING_TTL_MS ? found : undefined;
      if (m.phase === 'shown') {
        await this.db.pending.put({ key, shownAt: pending?.shownAt ?? m.ts, rounds: pending?.rounds ?? 0, updatedAt: m.ts });
        return null;
      }
      if (m.phase === 'round') {
        await this.db.pending.put({
          key,
          shownAt: pending?.shownAt ?? m.ts,
          rounds: (pending?.rounds ?? 0) + 1,
          updatedAt: m.ts,
        });
        return null;
      }
      await this.db.pending.delete(key);
      const challenged = pending?.shownAt !== undefined;
      const base = {
        platform: m.platform,
        kind: 'captcha' as const,
        slot: 'none' as const,
        op: 'add' as const,
        signal: 'dom' as const,
        ts: m.ts,
        host,
      };
      if (!challenged) return { ...base, detail: 'checkbox' };
      return {
        ...base,
        detail: 'challenge',
        durationMs: Math.max(0, m.ts - (pending.shownAt as number)),
        rounds: Math.max(1, pending.rounds),
      };
    });
  }
}
