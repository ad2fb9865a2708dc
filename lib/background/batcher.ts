import { isQuotaError } from '@/lib/db/quota';

export { isQuotaError };

/**
 * Most items one write (one transaction) takes. Dexie keeps a transaction alive across native
 * `await`s only for a limited run of them without an IndexedDB request in between; a batch of about
 * 50 sightings whose events were prefetched went past it (PrematureCommitError: its writes then ran
 * outside the transaction and every receipt was refused), which is why batches were once 8 items.
 * writeBatch (lib/background/writer.ts) now makes a cheap read every few items (keepAlive), so a
 * batch can be large: a transaction costs far more than a read, and a burst of 10,000 sightings
 * is 20 transactions instead of 1,250. 512 items a batch stored 5,821 / 5,944 sightings/s against
 * 4,900-5,018 with 128 (the worker waited ~12 ms on each commit; 1,024: no faster). Larger bursts
 * are written MAX_BATCH at a time, in order.
 */
export const MAX_BATCH = 512;

interface Entry<T> {
  item: T;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Batching and acknowledgement: what arrives in the same turn is written by one call of `write`
 * (one transaction), batches in order, never two at once. Each item's promise settles when its
 * batch is written (or failed): the background answers a content script only then, so an answer
 * means stored, and an unanswered message is sent again.
 */
export class Batcher<T> {
  private queue: Entry<T>[] = [];
  private scheduled = false;
  /** Items added and not yet settled. */
  private unsettled = 0;
  private running: Promise<void> = Promise.resolve();
  /** Set while writes fail (the disk is full, most often); cleared by the next successful write. */
  problem: { at: number; full: boolean } | undefined;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    /** Called when `problem` appears or clears. */
    private readonly onProblem: () => void = () => {},
  ) {}

  add(item: T): Promise<void> {
    this.unsettled++;
    const done = new Promise<void>((resolve, reject) => this.queue.push({ item, resolve, reject }));
    done.then(
      () => this.unsettled--,
      () => this.unsettled--,
    );
    if (!this.scheduled) {
      this.scheduled = true;
      setTimeout(() => this.run(), 0);
    }
    return done;
  }

  /** True while something is queued or being written. */
  get busy(): boolean {
    return this.unsettled > 0;
  }

  /** Resolves once everything added so far is written (or failed). */
  async idle(): Promise<void> {
    while (this.busy) {
      await this.running;
      await new Promise((r) => setTimeout(r, 0));
    }
    await this.running;
  }

  private run(): void {
    this.scheduled = false;
    while (this.queue.length) this.runOne(this.queue.splice(0, MAX_BATCH));
  }

  private runOne(batch: Entry<T>[]): void {
    this.running = this.running
      .then(() => this.write(batch.map((e) => e.item)))
      .then(
        () => {
          if (this.problem) {
            this.problem = undefined;
            this.onProblem();
          }
          for (const e of batch) e.resolve();
        },
        (error) => {
          console.error('[clickwork] could not store', batch.length, 'items:', error);
          this.problem = { at: Date.now(), full: isQuotaError(error) };
          this.onProblem();
          for (const e of batch) e.reject(error);
        },
      );
  }
}
