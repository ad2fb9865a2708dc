import type { PlatformId } from '../taxonomy';
import type { ClickworkDB, LaborEvent } from './schema';

const targetKey = (platform: string, key: string) => `${platform}|${key}`;

/** Stored events in the index's order: by time, then by id. */
const byTimeThenId = (a: LaborEvent, b: LaborEvent) => a.ts - b.ts || (a.id ?? 0) - (b.id ?? 0);

/**
 * The events one ingest transaction reads and writes, so that a batch of sightings costs a few
 * IndexedDB requests instead of two per sighting. What a sighting needs is read beforehand
 * (`prefetch`: the events on targets; `prefetchSpan`: a platform's events over a time span), so
 * that applying it is synchronous: no await per sighting, which is what once made a long batch
 * lose its transaction (lib/background/writer.ts). New events and changes are written together
 * by `flush` (new ones in order, so their ids are what one add after another gave). Every event
 * read or added is one object, so a change made by one sighting is what the next one sees.
 */
export class EventBatch {
  private readonly pending: LaborEvent[] = [];
  private readonly byId = new Map<number, LaborEvent>();
  private readonly byTarget = new Map<string, LaborEvent[]>();
  /** Targets being read, and the read to wait for. */
  private readonly reading = new Map<string, Promise<void>>();
  /** Per platform: the time spans read (or being read: `done` false), and the stored events read in them (by id). */
  private readonly spans = new Map<PlatformId, { from: number; to: number; read: Promise<void>; done: boolean }[]>();
  private readonly inSpans = new Map<PlatformId, Map<number, LaborEvent>>();
  /** Stored events changed in this transaction, written by `flush`. */
  private readonly changed = new Set<LaborEvent>();

  /** The object already known for a stored event, so that a change is seen by every reader. */
  private known(ev: LaborEvent): LaborEvent {
    if (ev.id === undefined) return ev;
    const seen = this.byId.get(ev.id);
    if (seen) return seen;
    this.byId.set(ev.id, ev);
    return ev;
  }

  /** Reads the events on these targets: one request per target, all sent at once (the [platform+targetKey] index). */
  async prefetch(db: ClickworkDB, targets: readonly [PlatformId, string][]): Promise<void> {
    const wanted = new Map<string, [PlatformId, string]>();
    const waits = new Set<Promise<void>>();
    for (const [p, k] of targets) {
      const key = targetKey(p, k);
      const reading = this.reading.get(key);
      if (reading)
        waits.add(reading); // asked for by another caller: wait for that read
      else if (!this.byTarget.has(key)) wanted.set(key, [p, k]);
    }
    if (wanted.size) {
      const read = this.readTargets(db, wanted);
      for (const key of wanted.keys()) this.reading.set(key, read);
      waits.add(read);
    }
    await Promise.all(waits);
  }

  /**
   * Exact lookups in parallel: Dexie's anyOf() walks one cursor step per key, a round trip each
   * (55 ms for 128 keys in Chromium, against a few here). A target counts as read only once its
   * events are there: until then a reader waits (prefetch) or is refused (onTarget).
   */
  private async readTargets(db: ClickworkDB, wanted: Map<string, [PlatformId, string]>): Promise<void> {
    try {
      const found = await Promise.all(
        [...wanted.values()].map((k) => db.events.where('[platform+targetKey]').equals(k).toArray()),
      );
      for (const key of wanted.keys()) this.byTarget.set(key, []);
      for (const ev of found.flat()) this.byTarget.get(targetKey(ev.platform, ev.targetKey as string))?.push(this.known(ev));
    } finally {
      for (const key of wanted.keys()) this.reading.delete(key);
    }
  }

  /** Reads one platform's stored events between two times (both included), unless read (or being read) already. */
  async prefetchSpan(db: ClickworkDB, platform: PlatformId, from: number, to: number): Promise<void> {
    const covering = (this.spans.get(platform) ?? []).find((x) => x.from <= from && to <= x.to);
    if (covering) return covering.read;
    const read = (async () => {
      const stored = await db.events.where('[platform+ts]').between([platform, from], [platform, to], true, true).toArray();
      const events = this.inSpans.get(platform) ?? new Map<number, LaborEvent>();
      this.inSpans.set(platform, events);
      for (const ev of stored) events.set(ev.id as number, this.known(ev));
    })();
    const span = { from, to, read, done: false };
    this.spans.set(platform, [...(this.spans.get(platform) ?? []), span]);
    try {
      await read;
      span.done = true;
    } catch (error) {
      // A failed read is not a span read: the next caller reads it again.
      this.spans.set(
        platform,
        (this.spans.get(platform) ?? []).filter((x) => x !== span),
      );
      throw error;
    }
  }

  /** Every event (stored or pending) on one platform's target; the target must have been read (`prefetch`). */
  onTarget(platform: PlatformId, key: string): LaborEvent[] {
    const events = this.byTarget.get(targetKey(platform, key));
    if (!events) throw new Error(`events on a target not read before use (${platform})`);
    return [...events];
  }

  /**
   * Every event (stored or pending) of one platform between two times, both included, in the
   * index's order (by time, then id; a pending event's id is the highest). The span must have been
   * read (`prefetchSpan`).
   */
  between(platform: PlatformId, from: number, to: number): LaborEvent[] {
    if (!this.spans.get(platform)?.some((x) => x.done && x.from <= from && to <= x.to)) {
      throw new Error(`events of a time span not read before use (${platform})`);
    }
    const stored = [...(this.inSpans.get(platform)?.values() ?? [])].filter((e) => e.ts >= from && e.ts <= to).sort(byTimeThenId);
    const pending = this.pending.filter((e) => e.platform === platform && e.ts >= from && e.ts <= to);
    return [...stored, ...pending].sort((a, b) => a.ts - b.ts);
  }

  add(ev: LaborEvent): void {
    this.pending.push(ev);
    if (ev.targetKey) this.byTarget.get(targetKey(ev.platform, ev.targetKey))?.push(ev);
  }

  /**
   * Changes an event in place; a stored one is written whole by `flush` (bulkPut of the object read
   * at the start): nothing else in the transaction may write events, or this would overwrite it.
   */
  update(ev: LaborEvent, changes: Partial<LaborEvent>): void {
    Object.assign(ev, changes);
    if (ev.id !== undefined) this.changed.add(ev);
  }

  /** Writes the pending events, in the order they were added, and the changed ones; call inside the transaction. */
  async flush(db: ClickworkDB): Promise<void> {
    const added = this.pending.splice(0);
    if (added.length) {
      const ids = (await db.events.bulkAdd(added, { allKeys: true })) as number[];
      added.forEach((ev, i) => {
        ev.id = ids[i];
        this.known(ev);
        this.inSpans.get(ev.platform)?.set(ev.id as number, ev); // still seen by a later between()
      });
    }
    const changed = [...this.changed];
    this.changed.clear();
    if (changed.length) await db.events.bulkPut(changed);
  }
}
