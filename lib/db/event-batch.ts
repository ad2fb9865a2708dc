import type { PlatformId } from '../taxonomy';
import type { ClickworkDB, LaborEvent } from './schema';

const targetKey = (platform: string, key: string) => `${platform}|${key}`;

/**
 * The events one ingest transaction reads and writes, so that a batch of sightings costs a few
 * IndexedDB requests instead of two per sighting: new events are written together by `flush`
 * (in order, so their ids are what one add after another gave), the events on the batch's
 * targets are read at once by `prefetch`, and every event read or added is one object, so that a
 * change made by one sighting is what the next one sees. Reads see the events not yet written.
 */
export class EventBatch {
  private readonly pending: LaborEvent[] = [];
  private readonly byId = new Map<number, LaborEvent>();
  private readonly byTarget = new Map<string, LaborEvent[]>();

  /** The object already known for a stored event, so that a change is seen by every reader. */
  private known(ev: LaborEvent): LaborEvent {
    if (ev.id === undefined) return ev;
    const seen = this.byId.get(ev.id);
    if (seen) return seen;
    this.byId.set(ev.id, ev);
    return ev;
  }

  /** Reads the events on these targets in one request (the [platform+targetKey] index). */
  async prefetch(db: ClickworkDB, targets: readonly [PlatformId, string][]): Promise<void> {
    const wanted: [PlatformId, string][] = [];
    for (const [p, k] of targets) {
      if (this.byTarget.has(targetKey(p, k))) continue; // read already, or twice in this batch
      this.byTarget.set(targetKey(p, k), []);
      wanted.push([p, k]);
    }
    if (!wanted.length) return;
    const stored = await db.events.where('[platform+targetKey]').anyOf(wanted).toArray();
    for (const ev of stored) this.byTarget.get(targetKey(ev.platform, ev.targetKey as string))?.push(this.known(ev));
  }

  /** Every event (stored or pending) on one platform's target. */
  async onTarget(db: ClickworkDB, platform: PlatformId, key: string): Promise<LaborEvent[]> {
    await this.prefetch(db, [[platform, key]]);
    return [...(this.byTarget.get(targetKey(platform, key)) ?? [])];
  }

  /** Every event (stored or pending) of one platform between two times, both included. */
  async between(db: ClickworkDB, platform: PlatformId, from: number, to: number): Promise<LaborEvent[]> {
    const stored = await db.events.where('[platform+ts]').between([platform, from], [platform, to], true, true).toArray();
    const pending = this.pending.filter((e) => e.platform === platform && e.ts >= from && e.ts <= to);
    // In the index's order: by time, then by id (a pending event's is the highest); sort is stable.
    return [...stored.map((e) => this.known(e)), ...pending].sort((a, b) => a.ts - b.ts);
  }

  add(ev: LaborEvent): void {
    this.pending.push(ev);
    if (ev.targetKey) this.byTarget.get(targetKey(ev.platform, ev.targetKey))?.push(ev);
  }

  /** Changes an event: in place, and in the database if it is stored already. */
  async update(db: ClickworkDB, ev: LaborEvent, changes: Partial<LaborEvent>): Promise<void> {
    Object.assign(ev, changes);
    if (ev.id !== undefined) await db.events.update(ev.id, changes);
  }

  /** Writes the pending events, in the order they were added; call inside the transaction. */
  async flush(db: ClickworkDB): Promise<void> {
    const added = this.pending.splice(0);
    if (!added.length) return;
    const ids = (await db.events.bulkAdd(added, { allKeys: true })) as number[];
    added.forEach((ev, i) => {
      ev.id = ids[i];
      this.known(ev);
    });
  }
}
