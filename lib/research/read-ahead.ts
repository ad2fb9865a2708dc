/**
 * Reads a few files ahead while the oldest is awaited, and hands the results back in the order
 * the files were given. Reading a small file is mostly waiting (for the browser to fetch it), so
 * ten thousand one after another wait ten thousand times; a few at once overlap those waits.
 * At most `files` reads, and at most `bytes` bytes of them, are in flight at once; one read is
 * always allowed, however large (a file over the byte budget is read alone).
 */
export interface AheadLimits {
  files: number;
  bytes: number;
}

export class ReadAhead<F extends { size: number }, R> {
  private readonly inFlight: { size: number; result: Promise<R> }[] = [];
  private bytes = 0;
  /** How many files of the queue have been started. */
  started = 0;

  constructor(
    private readonly read: (file: F) => Promise<R>,
    private readonly limits: AheadLimits,
  ) {}

  /** Starts the next files of `queue` the limits allow; the queue may have grown since the last call. */
  fill(queue: readonly F[]): void {
    while (this.started < queue.length && this.inFlight.length < this.limits.files) {
      const file = queue[this.started] as F;
      if (this.inFlight.length > 0 && this.bytes + file.size > this.limits.bytes) return;
      this.started++;
      this.bytes += file.size;
      this.inFlight.push({ size: file.size, result: this.read(file) });
    }
  }

  /** How many reads are in flight. */
  get pending(): number {
    return this.inFlight.length;
  }

  /** The result of the oldest read in flight (undefined when none is). */
  async next(): Promise<R | undefined> {
    const first = this.inFlight.shift();
    if (!first) return undefined;
    try {
      return await first.result;
    } finally {
      this.bytes -= first.size;
    }
  }
}
