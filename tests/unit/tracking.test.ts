import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Collector, type MessageSender } from '@/lib/background/collector';
import { ingest, type Sighting } from '@/lib/db/ingest';
import { ClickworkDB } from '@/lib/db/schema';
import { applyRetention, notTracked, sanitizeTracking, saveTracking } from '@/lib/db/tracking';

const EXT = 'ext-id';
const YT: MessageSender = {
  id: EXT,
  url: 'https://www.youtube.com/watch?v=a',
  tab: { id: 1, url: 'https://www.youtube.com/watch?v=a' },
};
let db: ClickworkDB;
let collector: Collector;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`tracking-${++n}`);
  collector = new Collector(db, EXT);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  await db.delete();
});

const like = (target: string) => ({ type: 'sighting', platform: 'youtube', action: 'like', op: 'add', target, ts: Date.now() });

describe('tracking choices', () => {
  it('counts nothing while paused, on a switched-off platform, or in a private window unless allowed', async () => {
    await saveTracking(db, { pausedUntil: Date.now() + 60_000, disabled: [], privateWindows: false });
    await collector.refreshTracking();
    collector.receive(like('a'), YT);
    await collector.flush();
    expect(await db.events.count()).toBe(0);

    await saveTracking(db, { disabled: ['youtube'], privateWindows: false });
    await collector.refreshTracking();
    collector.receive(like('b'), YT);
    collector.receive(
      { ...like('c'), platform: 'x' },
      { ...YT, url: 'https://x.com/a/status/1', tab: { id: 2, url: 'https://x.com/a/status/1' } },
    );
    await collector.flush();
    expect((await db.events.toArray()).map((e) => e.platform)).toEqual(['x']);

    await saveTracking(db, { disabled: [], privateWindows: false });
    await collector.refreshTracking();
    const incognito = { ...YT, tab: { ...YT.tab, incognito: true } };
    collector.receive(like('d'), incognito);
    await collector.flush();
    expect(await db.events.count()).toBe(1);
    await saveTracking(db, { disabled: [], privateWindows: true });
    await collector.refreshTracking();
    collector.receive(like('e'), incognito);
    await collector.flush();
    expect(await db.events.count()).toBe(2);
  });

  it('a pause that has ended counts again', () => {
    const s = { pausedUntil: 1_000, disabled: [], privateWindows: false };
    expect(notTracked(s, 'youtube', false, 999)).toBe('paused');
    expect(notTracked(s, 'youtube', false, 1_000)).toBeNull();
  });

  it('deletes events and day totals older than the retention period', async () => {
    const now = new Date(2026, 10, 29, 12).getTime();
    const day = 86_400_000;
    const s = (ts: number, k: string): Sighting => ({
      platform: 'youtube',
      kind: 'reaction',
      detail: 'like',
      slot: 'exclusive',
      op: 'add',
      signal: 'dom',
      ts,
      targetKey: k,
    });
    await ingest(db, [s(now - 40 * day, 'old'), s(now - 10 * day, 'recent'), s(now, 'today')]);
    expect(await applyRetention(db, 30, now)).toBe(1);
    expect((await db.events.toArray()).map((e) => e.targetKey).sort()).toEqual(['recent', 'today']);
    expect(await db.daily.count()).toBe(2);
  });

  it('reads unknown or malformed settings as the defaults', () => {
    expect(sanitizeTracking(null)).toEqual({ disabled: [], privateWindows: false });
    expect(
      sanitizeTracking({ disabled: ['youtube', 'myspace'], retentionDays: 7, privateWindows: 'yes', pausedUntil: 'soon' }),
    ).toEqual({
      disabled: ['youtube'],
      privateWindows: false,
    });
  });
});
