import type { ClickworkDB, GestureRow } from '../db/schema';
import type { PlatformId } from '../taxonomy';
import {
  GESTURE_GRACE_MS,
  GESTURE_MESSAGE_WAIT_MS,
  GESTURE_WINDOW_MS,
  gestureKey,
  hasBudget,
  type RequestFacts,
  vouches,
} from './attribution';

/** The most requests one page (tab, frame and platform) may have waiting for a gesture's message. */
export const MAX_WAITING = 32;

interface Waiter {
  facts: RequestFacts;
  accept(g: GestureRow): boolean;
  done(g: GestureRow | null): void;
}

/**
 * The last trusted gesture per tab, frame and platform: kept in memory for the requests that follow
 * it, and written to the database (by the caller, in its batch) so that a restarted service worker
 * still knows it. A request that arrives before its gesture's message waits for it, in memory,
 * at most `GESTURE_MESSAGE_WAIT_MS`: its body is not read before then.
 */
export class GestureBook {
  private readonly latest = new Map<string, GestureRow>();
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly loaded: Promise<void>;

  constructor(db: ClickworkDB) {
    // Gestures a stopped worker wrote; rows that a newer gesture already replaced in memory are kept.
    this.loaded = db.gestures
      .where('ts')
      .above(Date.now() - GESTURE_WINDOW_MS - GESTURE_GRACE_MS)
      .toArray()
      .then((rows) => {
        for (const r of rows) if (!this.latest.has(r.key)) this.latest.set(r.key, r);
      })
      .catch((error) => console.warn('[clickwork] could not read gestures', error));
  }

  /** Records a gesture (a newer one replaces the last of its page) and wakes requests waiting for it. */
  note(g: GestureRow): void {
    this.latest.set(g.key, g);
    const waiters = this.waiting.get(g.key) ?? [];
    const left = waiters.filter((w) => {
      if (!vouches(g, w.facts) || !w.accept(g)) return true;
      w.done(g);
      return false;
    });
    if (left.length) this.waiting.set(g.key, left);
    else this.waiting.delete(g.key);
  }

  /**
   * The gesture that vouches for a request on this platform (and that `accept` takes: one whose
   * budget is not spent), waiting briefly for it; null if none. `submit`: only a trusted submit of a
   * form vouches (for the page load it causes).
   */
  async find(
    platform: PlatformId,
    facts: RequestFacts,
    accept: (g: GestureRow) => boolean = () => true,
    submit = false,
  ): Promise<GestureRow | null> {
    await this.loaded;
    const key = gestureKey(facts.tabId, facts.frameId, platform, submit);
    const known = this.latest.get(key);
    if (known && vouches(known, facts) && accept(known)) return known;
    // Waits from now, not from the request's time: a worker just started gets the request and
    // its gesture's message late, in either order. Whether the gesture vouches is still judged by
    // their own times (vouches()).
    const wait = GESTURE_MESSAGE_WAIT_MS;
    return new Promise((resolve) => {
      const waiter: Waiter = { facts, accept, done: resolve };
      const list = this.waiting.get(key) ?? [];
      // A page's own requests with no click before them wait too: at most MAX_WAITING per page, the
      // oldest given up first (the latest request is the likeliest to be the one a click caused).
      if (list.length >= MAX_WAITING) list.shift()?.done(null);
      list.push(waiter);
      this.waiting.set(key, list);
      setTimeout(() => {
        const list = this.waiting.get(key)?.filter((w) => w !== waiter) ?? [];
        if (list.length) this.waiting.set(key, list);
        else this.waiting.delete(key);
        resolve(null);
      }, wait);
    });
  }

  /** Takes one use of the gesture for `budget`; false when it was already used up for that. */
  spend(g: GestureRow, budget: string): boolean {
    if (!hasBudget(g, budget)) return false;
    g.used.push(budget);
    return true;
  }
}
