import { isQuotaError } from './batcher';

/**
 * Waits before each new try of a request's sighting whose write failed. Short: a service worker
 * with nothing to do is stopped after about 30 s, and what it holds in memory with it.
 */
export const REQUEST_RETRY_MS = [500, 2_000, 5_000, 10_000];
/** At most this many request sightings wait for a new try at once; beyond, they are given up (logged). */
const MAX_WAITING = 1_000;

interface Waiting<T> {
  item: T;
  /** Failed writes so far. */
  tries: number;
}

/**
 * Stores request sightings, which nothing can send again (a content script resends its own
 * messages until they are confirmed). One refused for a full disk waits and is tried again
 * (REQUEST_RETRY_MS) before it is given up, logged; any other failure is not retried (the batch may
 * be at fault, or partly written). While some wait, new ones queue behind them: a request's undo is
 * never stored before its add.
 */
export class RequestRetry<T> {
  private waiting: Waiting<T>[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Being tried again now. */
  private trying = 0;

  constructor(
    /** Stores one item; rejects when its batch was refused (the batcher has logged why). */
    private readonly add: (item: T) => Promise<void>,
    /** Resolves once everything added so far is written or refused. */
    private readonly idle: () => Promise<void>,
  ) {}

  keep(item: T): void {
    if (this.waiting.length || this.trying) this.wait([{ item, tries: 0 }]);
    else this.store([{ item, tries: 0 }]);
  }

  /** How many wait for a new try or are being tried again. */
  get pending(): number {
    return this.waiting.length + this.trying;
  }

  private store(entries: Waiting<T>[]): void {
    for (const entry of entries) {
      this.add(entry.item).catch((error) => {
        if (isQuotaError(error)) this.wait([{ item: entry.item, tries: entry.tries + 1 }]);
      });
    }
  }

  private wait(entries: Waiting<T>[]): void {
    for (const entry of entries) {
      if (entry.tries > REQUEST_RETRY_MS.length || this.waiting.length >= MAX_WAITING) {
        console.error('[clickwork] a request’s action could not be stored (storage full); given up after', entry.tries, 'tries');
      } else this.waiting.push(entry);
    }
    const head = this.waiting[0];
    if (!head || this.timer !== undefined) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        const due = this.waiting.splice(0);
        this.trying += due.length;
        this.store(due);
        // Counted down once their batch is settled, so that `keep` queues behind them meanwhile.
        void this.idle().then(() => {
          this.trying -= due.length;
        });
      },
      REQUEST_RETRY_MS[Math.max(0, head.tries - 1)] as number,
    );
  }
}
