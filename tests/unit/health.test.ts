// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEALTH_CHECKS_MS, runDetector } from '@/lib/content/runtime';
import { healthStatus, MISSES_BEFORE_WARNING, recordHealth } from '@/lib/db/health';
import { ingest } from '@/lib/db/ingest';
import { ClickworkDB } from '@/lib/db/schema';
import youtube from '@/lib/detectors/youtube';
import type { ContentMessage } from '@/lib/messages';
import { fakeHost, fixture, loadPage } from './helpers';

const WATCH = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const LAST = HEALTH_CHECKS_MS[HEALTH_CHECKS_MS.length - 1] as number;

describe('live self-check in the page', () => {
  let host = fakeHost();
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
    vi.useRealTimers();
  });

  const health = (sent: ContentMessage[]) => sent.filter((m) => m.type === 'health');

  it('reports the controls found, once, as soon as they are there', async () => {
    loadPage(fixture('youtube/watch-rendered.html'), WATCH);
    const sent: ContentMessage[] = [];
    runDetector(youtube, host, (m) => sent.push(m));
    await vi.advanceTimersByTimeAsync(LAST + 1_000);
    expect(health(sent)).toMatchObject([{ type: 'health', platform: 'youtube', ok: true }]);
  });

  it('reports controls missing after the last check when the markup was renamed', async () => {
    const renamed = fixture('youtube/watch-rendered.html').replaceAll('like-button-view-model', 'yt-reaction-button-v2');
    loadPage(renamed, WATCH);
    const sent: ContentMessage[] = [];
    runDetector(youtube, host, (m) => sent.push(m));
    await vi.advanceTimersByTimeAsync(LAST - 100);
    expect(health(sent)).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(health(sent)).toMatchObject([{ ok: false }]);
  });

  it('checks nothing on pages where the controls need not be (home, search)', async () => {
    loadPage('<!doctype html><html><body><ytd-app></ytd-app></body></html>', 'https://www.youtube.com/results?search_query=x');
    const sent: ContentMessage[] = [];
    runDetector(youtube, host, (m) => sent.push(m));
    await vi.advanceTimersByTimeAsync(LAST + 1_000);
    expect(health(sent)).toEqual([]);
  });
});

describe('health store', () => {
  let db: ClickworkDB;
  let n = 0;
  beforeEach(() => {
    db = new ClickworkDB(`health-${++n}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it(`warns after ${MISSES_BEFORE_WARNING} page views in a row without controls, since the first of them`, async () => {
    await recordHealth(db, 'youtube', true, 1_000);
    await recordHealth(db, 'youtube', false, 2_000);
    expect((await healthStatus(db, ['youtube']))[0]?.brokenSince).toBeUndefined();
    await recordHealth(db, 'youtube', false, 3_000);
    expect(await healthStatus(db, ['youtube'])).toEqual([{ platform: 'youtube', lastOk: 1_000, brokenSince: 2_000 }]);
    await recordHealth(db, 'youtube', true, 4_000);
    expect(await healthStatus(db, ['youtube'])).toEqual([{ platform: 'youtube', lastOk: 4_000 }]);
  });

  it('tells when each platform last recorded an event, ignoring undone ones', async () => {
    const base = { kind: 'reaction' as const, detail: 'like', slot: 'exclusive' as const, signal: 'dom' as const };
    await ingest(db, [
      { ...base, platform: 'x', op: 'add', ts: 5_000, targetKey: 'a' },
      { ...base, platform: 'x', op: 'add', ts: 9_000, targetKey: 'b' },
      { ...base, platform: 'x', op: 'undo', ts: 9_500, targetKey: 'b' },
    ]);
    expect(await healthStatus(db, ['youtube', 'x', 'recaptcha'])).toEqual([{ platform: 'x', lastEvent: 5_000 }]);
  });
});
