import type { Collector } from '@/lib/background/collector';
import type { exportBackup, importBackup } from '@/lib/db/backup';
import type { ClickworkDB } from '@/lib/db/schema';
import type { candidateRows } from '@/lib/research/export';
import type { Session } from '../e2e/harness';

/** What the benchmark build exposes in its service worker (entrypoints/background.ts). */
export interface Bench {
  collector: Collector;
  db: ClickworkDB;
  exportBackup: typeof exportBackup;
  importBackup: typeof importBackup;
  candidateRows: typeof candidateRows;
}

/** A year of `total` events (six kinds) and their daily and hourly rollups, written straight into the database. */
export async function seedHistory(s: Session, total: number): Promise<number> {
  return s.worker.evaluate(async (n) => {
    const { db } = (globalThis as unknown as { clickworkBench: Bench }).clickworkBench;
    await db.events.clear();
    await db.daily.clear();
    await db.hours.clear();
    const kinds = [
      ['reaction', 'like', 'youtube'],
      ['vote', 'up', 'reddit'],
      ['share', 'repost', 'x'],
      ['comment', 'comment', 'youtube'],
      ['captcha', 'challenge', 'recaptcha'],
      ['ai-feedback', 'up', 'chatgpt'],
    ];
    const now = Date.now();
    const year = 365 * 86_400_000;
    const daily = new Map<string, Record<string, unknown> & { count: number; measuredMs: number; measuredCount: number }>();
    // Schema version 6: one row per day, platform, kind and detail, 24 slots per field (lib/db/hours.ts).
    const hours = new Map<string, Record<string, unknown> & { count: number[]; measuredMs: number[]; measuredCount: number[] }>();
    const slots = () => new Array<number>(24).fill(0);
    const pad = (x: number) => (x < 10 ? `0${x}` : String(x));
    const t0 = performance.now();
    const chunk = 50_000;
    for (let start = 0; start < n; start += chunk) {
      const rows = [];
      for (let i = start; i < Math.min(n, start + chunk); i++) {
        const [kind, detail, platform] = kinds[i % kinds.length] as string[];
        const ts = now - Math.floor((i / n) * year);
        const d = new Date(ts);
        const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
        const measured = kind === 'captcha' || kind === 'comment';
        rows.push({
          kind,
          detail,
          platform,
          ts,
          signal: 'dom+network',
          host: 'example.com',
          targetKey: `t${i}`,
          // Stamped as the intake stamps them (schema version 4: lib/db/local-time.ts).
          day,
          hour: d.getHours(),
          utcOffset: -d.getTimezoneOffset() || 0,
          ...(measured ? { durationMs: 9000 } : {}),
        });
        const key = `${day}|${platform}|${kind}|${detail}`;
        const r = daily.get(key) ?? { day, platform, kind, detail, count: 0, measuredMs: 0, measuredCount: 0 };
        const h = hours.get(key) ?? { day, platform, kind, detail, count: slots(), measuredMs: slots(), measuredCount: slots() };
        const hour = d.getHours();
        r.count++;
        (h.count[hour] as number)++;
        if (measured) {
          r.measuredMs += 9000;
          r.measuredCount++;
          (h.measuredMs[hour] as number) += 9000;
          (h.measuredCount[hour] as number)++;
        }
        daily.set(key, r);
        hours.set(key, h);
      }
      await db.events.bulkAdd(rows as never);
    }
    await db.daily.bulkPut([...daily.values()] as never);
    await db.hours.bulkPut([...hours.values()] as never);
    return performance.now() - t0;
  }, total);
}

/**
 * The service worker's JavaScript heap after a garbage collection, over the DevTools protocol: the
 * browser session attaches to the worker's target and speaks to it through Target messages.
 */
export async function workerHeap(s: Session): Promise<{ before: number; after: number }> {
  const browser = s.context.browser();
  if (!browser) throw new Error('no browser to attach to');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${s.extensionId}/`),
    );
    if (!target) throw new Error('the service worker is not running');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== sessionId) return;
      const reply = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      const w = reply.id === undefined ? undefined : waiting.get(reply.id);
      if (!w) return;
      waiting.delete(reply.id as number);
      if (reply.error) w.reject(new Error(reply.error.message));
      else w.resolve(reply.result);
    });
    let next = 1;
    const send = (method: string) =>
      new Promise<unknown>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) }).catch(reject);
      });
    const before = ((await send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    await send('HeapProfiler.collectGarbage');
    const after = ((await send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    await cdp.send('Target.detachFromTarget', { sessionId });
    return { before, after };
  } finally {
    await cdp.detach();
  }
}

/**
 * Under the backup's floor: what the service worker's IndexedDB takes to write `n` rows when a row
 * is nothing (a number, no key path, no index, in a database of its own), and to write the stored
 * events packed 1,000 to a row. The first is the cost of a row as such, which a restore of one row
 * per event cannot go below; the second what the same events cost as a thousandth of the rows.
 */
export async function rowFloors(s: Session, n: number): Promise<{ tinyMs: number; packedMs: number; packedRows: number }> {
  return s.worker.evaluate(async (count) => {
    const { db } = (globalThis as unknown as { clickworkBench: Bench }).clickworkBench;
    const events = await db.events.toArray();
    const done = (r: IDBRequest | IDBTransaction) =>
      new Promise<void>((resolve, reject) => {
        r.onerror = () => reject(r.error);
        if (r instanceof IDBTransaction) r.oncomplete = () => resolve();
        else r.onsuccess = () => resolve();
      });
    const name = 'clickwork-bench-floor';
    await done(indexedDB.deleteDatabase(name));
    const opening = indexedDB.open(name, 1);
    opening.onupgradeneeded = () => {
      opening.result.createObjectStore('tiny');
      opening.result.createObjectStore('packed', { autoIncrement: true });
    };
    await done(opening);
    const floor = opening.result;
    let t = performance.now();
    const tiny = floor.transaction('tiny', 'readwrite');
    for (let i = 0; i < count; i++) tiny.objectStore('tiny').add(i, i + 1);
    await done(tiny);
    const tinyMs = performance.now() - t;
    t = performance.now();
    const packed = floor.transaction('packed', 'readwrite');
    let packedRows = 0;
    for (let i = 0; i < events.length; i += 1000, packedRows++) packed.objectStore('packed').add(events.slice(i, i + 1000));
    await done(packed);
    const packedMs = performance.now() - t;
    floor.close();
    await done(indexedDB.deleteDatabase(name));
    return { tinyMs, packedMs, packedRows };
  }, n);
}
