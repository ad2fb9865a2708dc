import type { Sighting } from '../db/ingest';
import type { ClickworkDB, GestureRow } from '../db/schema';
import { applyRetention, DEFAULT_TRACKING, loadTracking, notTracked, type TrackingSettings } from '../db/tracking';
import practice from '../detectors/practice';
import { detectorFor } from '../detectors/registry';
import { type Detector, domActions, hasNavigation, type NetMatch } from '../detectors/types';
import { matchesAny } from '../match-pattern';
import { type ContentMessage, type GestureMessage, parseMessage } from '../messages';
import {
  budgetKey,
  fromOwnPage,
  gestureFrom,
  hasBudget,
  hostOf,
  isPracticePage,
  type MessageSender,
  type RequestFacts,
  requestFacts,
} from './attribution';
import { Batcher } from './batcher';
import { GestureBook } from './gestures';
import { candidates, matchRequest, type RequestDetails } from './network';
import { RequestRetry } from './request-retry';
import { TargetHasher } from './targets';
import { type Item, Pruner, platformOf, type WriterState, writeBatch } from './writer';

export { GESTURE_GRACE_MS, GESTURE_MESSAGE_WAIT_MS, GESTURE_WINDOW_MS, type MessageSender } from './attribution';
export { isQuotaError } from './batcher';
export { CAPTCHA_PENDING_TTL_MS } from './captcha';
export { SEEN_TTL_MS } from './writer';

export type Receipt = { ok: true; stored: Promise<void> } | { ok: false; error: string };

const OK: Receipt = { ok: true, stored: Promise.resolve() };

/**
 * The background's intake: validates content-script messages and observed requests, attributes
 * requests to the user's gestures (lib/background/attribution.ts), and stores what counts in
 * batches, one transaction per batch (lib/background/batcher.ts).
 */
export class Collector {
  private readonly batcher: Batcher<Item>;
  private readonly hasher: TargetHasher;
  private readonly gestures: GestureBook;
  /** Gestures waiting for the tracking choices, and requests being attributed (at most GESTURE_MESSAGE_WAIT_MS). */
  private inflight = 0;
  /** What writeBatch keeps between batches, and the prune that follows writes (writer.ts). */
  private readonly writer: WriterState = { last: 0 };
  private readonly pruner: Pruner;
  readonly refused: { error: string; at: number }[] = [];
  /** The user's tracking choices; refreshed with `refreshTracking()` when they change. */
  private tracking: TrackingSettings = { ...DEFAULT_TRACKING };
  /** Settles once the choices are read: a worker just woken must not count during a pause. */
  private trackingRead: Promise<void>;
  private lastRetention = 0;
  /** Request sightings, which nothing can send again: tried again after a full disk (request-retry.ts). */
  private readonly requests: RequestRetry<Item>;

  constructor(
    private readonly db: ClickworkDB,
    private readonly extensionId: string,
    private readonly onChanged: () => void = () => {},
  ) {
    this.batcher = new Batcher((items) => this.store(items), onChanged);
    this.requests = new RequestRetry(
      (item) => this.batcher.add(item),
      () => this.batcher.idle(),
    );
    this.hasher = new TargetHasher(db);
    this.hasher.warm();
    this.pruner = new Pruner(db, this.writer);
    this.gestures = new GestureBook(db);
    this.trackingRead = this.readTracking();
  }

  /** Set while writes fail (the disk is full, most often); cleared by the next successful write. */
  get storageProblem(): { at: number; full: boolean } | undefined {
    return this.batcher.problem;
  }

  /**
   * Accepts or refuses one runtime message; refusals are logged, never stored. An accepted message
   * comes with a promise that settles once it is stored (or dropped as a resend of a stored one).
   */
  receive(raw: unknown, sender: MessageSender): Receipt {
    if (sender.id !== this.extensionId) return this.refuse('sender is not this extension');
    const parsed = parseMessage(raw);
    if (!parsed.ok) return this.refuse(parsed.error);
    const message: ContentMessage = parsed.value;
    const detector: Detector | undefined = message.platform === 'practice' ? practice : detectorFor(message.platform);
    if (!detector) return this.refuse('no detector for platform');
    // A content script speaks only for the platform whose pages it runs on; practice comes only
    // from the extension's own practice (or welcome) page.
    if (detector === practice ? !isPracticePage(sender.url) : !sender.url || !matchesAny(detector.matches, sender.url)) {
      return this.refuse('sender page does not belong to the platform');
    }
    // Paused, switched off, or a private window: accepted (nothing is wrong) but nothing is
    // written, not even a health check or a gesture (store() checks again once the choices are read).
    if (notTracked(this.tracking, detector.id, sender.tab?.incognito === true)) return OK;
    if (message.type === 'gesture') return this.receiveGesture(detector, sender, message);
    if (message.type === 'health') {
      const item: Item = {
        kind: 'health',
        platform: detector.id,
        ok: message.ok,
        ts: message.ts,
        incognito: sender.tab?.incognito,
      };
      return { ok: true, stored: this.batcher.add(item) };
    }
    const host = hostOf(sender.tab?.url ?? sender.url);
    if (message.type === 'captcha') {
      if (!detector.captcha) return this.refuse('platform has no captcha');
      const item: Item = {
        kind: 'captcha',
        id: message.id,
        incognito: sender.tab?.incognito,
        message,
        tabId: sender.tab?.id ?? -1,
        host,
      };
      return { ok: true, stored: this.batcher.add(item) };
    }
    const spec = detector.actions[message.action];
    if (!spec) return this.refuse('unknown action for platform');
    const { kind, detail, slot } = spec;
    const sighting: Sighting = { platform: detector.id, kind, detail, slot, op: message.op, signal: 'dom', ts: message.ts, host };
    if (message.durationMs !== undefined) sighting.durationMs = message.durationMs;
    const item: Item = {
      kind: 'sighting',
      id: message.id,
      incognito: sender.tab?.incognito,
      rawTarget: message.target,
      sighting,
    };
    return { ok: true, stored: this.batcher.add(item) };
  }

  private refuse(error: string): Receipt {
    this.refused.push({ error, at: Date.now() });
    if (this.refused.length > 50) this.refused.shift();
    console.warn('[clickwork] refused message:', error);
    return { ok: false, error };
  }

  /** Keeps a trusted gesture (for platforms with requests to vouch for), once tracking is known. */
  private receiveGesture(detector: Detector, sender: MessageSender, message: GestureMessage): Receipt {
    const submit = message.submit === true;
    // A submit matters only where a form's page load is counted.
    if (submit && !hasNavigation(detector)) return OK;
    const g = detector.network?.length
      ? gestureFrom(sender, detector.id, message.ts, submit, message.clicks, message.from)
      : null;
    if (!g) return OK;
    this.inflight++;
    const stored = this.trackingRead
      .then(() => {
        if (notTracked(this.tracking, detector.id, g.incognito)) return;
        this.gestures.note(g);
        return this.batcher.add({ kind: 'gesture', gesture: g, incognito: g.incognito });
      })
      .finally(() => this.inflight--);
    return { ok: true, stored };
  }

  /**
   * Looks at one request a page sent; true when its URL is an endpoint of the platform of the
   * document that sent it. Whether it counts is decided asynchronously (see attribution.ts); its
   * body is read only once a gesture on that page vouches for it and the platform is tracked.
   */
  seeRequest(details: RequestDetails, detectors: readonly Detector[]): boolean {
    const origin = details.documentUrl ?? details.originUrl ?? details.initiator;
    if (origin?.startsWith('chrome-extension://') || origin?.startsWith('moz-extension://')) return false;
    const facts = requestFacts(details);
    if (!facts) return false;
    const found = candidates(detectors, details).filter((d) => fromOwnPage(d, facts));
    if (!found.length) return false;
    this.inflight++;
    this.attribute(details, facts, found)
      .catch((error) => console.error('[clickwork] request not understood', error))
      .finally(() => this.inflight--);
    return true;
  }

  private async attribute(details: RequestDetails, facts: RequestFacts, found: Detector[]): Promise<void> {
    await this.trackingRead;
    // A page load (a classic form's POST) needs the trusted submit of a form on the page it leaves.
    const submit = details.type === 'main_frame';
    for (const detector of found) {
      // Switched off or paused: the request waits for nothing and its body is never read.
      if (notTracked(this.tracking, detector.id, false)) continue;
      const g = await this.gestures.find(detector.id, facts, undefined, submit);
      if (!g || notTracked(this.tracking, detector.id, g.incognito)) {
        console.debug('[clickwork] request without a gesture on its page ignored:', detector.id);
        continue;
      }
      const match = matchRequest(detector, details);
      if (match) return this.count(detector, match, g, facts, submit);
    }
  }

  /** Queues a request's sighting: a confirmation, or one request-only action of its gesture. */
  private async count(
    detector: Detector,
    match: NetMatch,
    found: GestureRow,
    facts: RequestFacts,
    submit = false,
  ): Promise<void> {
    const spec = detector.actions[match.action];
    if (!spec) return;
    const confirmOnly = match.op === 'add' && domActions(detector).has(match.action);
    let g: GestureRow | null = found;
    if (!confirmOnly) {
      // This gesture already let one through: the next one's message may still be on its way.
      const budget = budgetKey(match.action, match.op);
      if (!hasBudget(g, budget)) g = await this.gestures.find(detector.id, facts, (x) => hasBudget(x, budget), submit);
      if (!g || !this.gestures.spend(g, budget)) {
        console.debug('[clickwork] second request for one gesture ignored:', detector.id, match.action);
        return;
      }
    }
    const { kind, detail, slot } = spec;
    const sighting: Sighting = {
      platform: detector.id,
      kind,
      detail,
      slot,
      op: match.op,
      signal: 'network',
      ts: facts.ts,
      host: g.host,
    };
    const item: Item = { kind: 'sighting', incognito: g.incognito, rawTarget: match.target, sighting, confirmOnly };
    if (!confirmOnly) item.gesture = g;
    this.requests.keep(item);
  }

  /** Resolves when everything received so far is stored, refused, or given up after its tries. */
  async flush(): Promise<void> {
    while (this.inflight || this.batcher.busy || this.requests.pending) {
      await this.batcher.idle();
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private readTracking(): Promise<void> {
    return loadTracking(this.db)
      .then((t) => {
        this.tracking = t;
      })
      .catch((error) => console.warn('[clickwork] could not read tracking settings', error));
  }

  /** Reads the tracking choices again (after the user changed them), and applies retention. */
  async refreshTracking(): Promise<void> {
    this.trackingRead = this.readTracking();
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

  /** Stores a batch in one transaction (writer.ts), what tracking still allows of it. */
  private async store(all: Item[]): Promise<void> {
    await this.trackingRead;
    const now = Date.now();
    const batch = all.filter((item) => !notTracked(this.tracking, platformOf(item), item.incognito === true, now));
    const changed = await writeBatch(this.db, this.hasher, batch, this.writer);
    // The batch is stored from here on: what follows must not make it look refused (a request's
    // sighting would be tried again, and counted twice).
    try {
      if (changed) this.onChanged();
      this.pruner.soon();
      await this.retain();
    } catch (error) {
      console.error('[clickwork] stored, but could not announce it or apply the retention period', error);
    }
  }
}
