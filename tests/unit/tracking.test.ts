import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Collector, type MessageSender } from '@/lib/background/collector';
import { ingest, type Sighting } from '@/lib/db/ingest';
import { ClickworkDB } from '@/lib/db/schema';
import { applyRetention, notTracked, sanitizeTracking, saveTracking } from '@/lib/db/tracking';
import { DETECTORS, detectorFor } from '@/lib/detectors/registry';
import type { Detector } from '@/lib/detectors/types';
import {
  type PermissionsApi,
  platformAccess,
  platformPatterns,
  releasablePatterns,
  releaseAccess,
  requestAccess,
} from '@/lib/permissions';
import type { PlatformId } from '@/lib/taxonomy';
import { readTrackingState } from '@/lib/tracking-state';

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

  it("content scripts read the published state without the taxonomy's tables: strings kept, the rest dropped", () => {
    expect(readTrackingState(undefined)).toEqual({ disabled: [], privateWindows: false });
    const state = readTrackingState({
      disabled: ['youtube', 'myspace', 7, null],
      privateWindows: true,
      pausedUntil: 5,
      badge: true,
    });
    expect(state).toEqual({ disabled: ['youtube', 'myspace'], privateWindows: true, pausedUntil: 5 });
    // An unknown id changes nothing: a content script only asks about its own platform.
    expect(notTracked(state, 'reddit', false, 10)).toBeNull();
    expect(notTracked(state, 'youtube', false, 10)).toBe('platform switched off');
    expect(notTracked(readTrackingState({ pausedUntil: Number.POSITIVE_INFINITY }), 'reddit', false, 10)).toBeNull();
  });
});

/**
 * The browser's permissions as the dashboard sees them. `required` patterns behave as each browser
 * was measured to treat access granted at installation (Chromium 156: remove rejects; Firefox ESR 153,
 * manifest v2: remove answers true and keeps it); the others can be given back and asked for again.
 */
function fakePermissions(granted: Iterable<string>, required: 'chromium' | 'firefox' | 'none') {
  const have = new Set(granted);
  const calls: { remove: string[][]; request: string[][] } = { remove: [], request: [] };
  const api: PermissionsApi = {
    contains: async ({ origins }) => origins.every((o) => have.has(o)),
    remove: async ({ origins }) => {
      calls.remove.push(origins);
      if (required === 'chromium') throw new Error('You cannot remove required permissions.');
      if (required === 'firefox') return true;
      for (const o of origins) have.delete(o);
      return true;
    },
    request: async ({ origins }) => {
      calls.request.push(origins);
      for (const o of origins) have.add(o);
      return true;
    },
  };
  return { api, have, calls };
}

const all = () => DETECTORS.flatMap(platformPatterns);
const yt = detectorFor('youtube') as Detector;

describe('site access of a switched-off platform', () => {
  it('is given back where the browser allows it, and read back as gone', async () => {
    const { api, have, calls } = fakePermissions(all(), 'none');
    const r = await releaseAccess(api, 'youtube', DETECTORS, (p) => p !== 'youtube');
    expect(r).toEqual({ stillGranted: false });
    expect(calls.remove).toEqual([platformPatterns(yt)]);
    expect(platformPatterns(yt)).toEqual(['https://m.youtube.com/*', 'https://www.youtube.com/*']);
    // Nothing of another platform went with it.
    for (const d of DETECTORS.filter((d) => d.id !== 'youtube'))
      for (const p of platformPatterns(d)) expect(have.has(p), p).toBe(true);
    const access = await platformAccess(api, DETECTORS);
    expect(access.get('youtube')).toBe(false);
    expect(access.get('x')).toBe(true);
  });

  it('is reported as kept when Chromium refuses (access granted at installation)', async () => {
    const { api, calls } = fakePermissions(all(), 'chromium');
    const r = await releaseAccess(api, 'x', DETECTORS, (p) => p !== 'x');
    expect(r).toEqual({ stillGranted: true, error: 'You cannot remove required permissions.' });
    expect(calls.remove).toHaveLength(1);
  });

  it('is reported as kept when Firefox answers true but keeps it', async () => {
    const { api } = fakePermissions(all(), 'firefox');
    expect(await releaseAccess(api, 'x', DETECTORS, (p) => p !== 'x')).toEqual({ stillGranted: true });
  });

  it('never gives back a host that another switched-on platform needs', () => {
    // A platform on the same host as reCAPTCHA (www.google.com), as Google Maps would be.
    const maps = {
      ...yt,
      id: 'google-maps',
      label: 'Google Maps',
      matches: ['https://www.google.com/maps/*'],
      network: [],
    } as Detector;
    const detectors = [...DETECTORS, maps];
    const on = new Set<PlatformId>(['google-maps']);
    const released = releasablePatterns('recaptcha', detectors, (p) => on.has(p));
    expect(released).toEqual(['https://www.recaptcha.net/recaptcha/api2/*', 'https://www.recaptcha.net/recaptcha/enterprise/*']);
    // With Maps off as well, every reCAPTCHA pattern can go.
    on.clear();
    expect(releasablePatterns('recaptcha', detectors, (p) => on.has(p)).sort()).toEqual(
      platformPatterns(detectorFor('recaptcha') as Detector).sort(),
    );
    // A wildcard host covers the hosts under it; other subdomains are other hosts.
    const wild = { ...maps, id: 'claude', matches: ['https://*.google.com/*'] } as Detector;
    expect(releasablePatterns('gemini', [...DETECTORS, wild], (p) => p === 'claude')).toEqual([]);
    expect(releasablePatterns('gemini', DETECTORS, (p) => p === 'recaptcha' || p === 'youtube')).toEqual([
      'https://gemini.google.com/*',
    ]);
  });

  it('asks for every pattern of the platform when switched back on, and a refusal reads as no access', async () => {
    const { api, have, calls } = fakePermissions([], 'none');
    expect((await platformAccess(api, DETECTORS)).get('youtube')).toBe(false);
    expect(await requestAccess(api, yt)).toBe(true);
    expect(calls.request).toEqual([platformPatterns(yt)]);
    expect((await platformAccess(api, DETECTORS)).get('youtube')).toBe(true);
    // Half of a platform's hosts is not access to the platform.
    have.delete('https://m.youtube.com/*');
    expect((await platformAccess(api, DETECTORS)).get('youtube')).toBe(false);
    const refusing: PermissionsApi = { ...api, request: async () => Promise.reject(new Error('user gesture required')) };
    expect(await requestAccess(refusing, yt)).toBe(false);
  });
});
