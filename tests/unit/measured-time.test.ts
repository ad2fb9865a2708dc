// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Collector } from '@/lib/background/collector';
import { IDLE_GAP_MS, runDetector } from '@/lib/content/runtime';
import { ClickworkDB } from '@/lib/db/schema';
import recaptcha from '@/lib/detectors/recaptcha';
import youtube from '@/lib/detectors/youtube';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, fixture, loadPage, trustedClick } from './helpers';

const T0 = new Date(2026, 10, 20, 10, 0, 0).getTime();

function key(target: Element, k = 'a') {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  target.dispatchEvent(e);
}

describe('measured time on task (fake timers)', () => {
  let host = fakeHost();
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    host.invalidate();
    host = fakeHost();
    vi.useRealTimers();
  });

  it('times a comment as active typing, leaving idle pauses out', async () => {
    const doc = loadPage(fixture('youtube/watch-rendered.html'), 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    const sent: ContentMessage[] = [];
    runDetector(youtube, host, collect(sent));
    const box = doc.querySelector('#contenteditable-root') as HTMLElement;
    // Typing for 2 s, a 20 s pause (idle: left out), 1 s more, then submit 0.5 s later.
    for (const at of [0, 1_000, 2_000, 22_000, 23_000]) {
      vi.setSystemTime(T0 + at);
      key(box);
    }
    box.textContent = 'A thoughtful comment';
    vi.setSystemTime(T0 + 23_500);
    trustedClick(doc.querySelector('#submit-button button') as Element);
    box.textContent = ''; // YouTube accepted it
    await vi.advanceTimersByTimeAsync(300);
    expect(IDLE_GAP_MS).toBeLessThan(20_000);
    expect(sent).toMatchObject([{ type: 'sighting', action: 'comment', durationMs: 2_000 + 1_000 + 500 }]);
  });

  it('leaves a comment with no keystrokes unmeasured (pasted text)', async () => {
    const doc = loadPage(fixture('youtube/watch-rendered.html'), 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    const sent: ContentMessage[] = [];
    runDetector(youtube, host, collect(sent));
    const box = doc.querySelector('#contenteditable-root') as HTMLElement;
    box.textContent = 'pasted';
    trustedClick(doc.querySelector('#submit-button button') as Element);
    box.textContent = '';
    await vi.advanceTimersByTimeAsync(300);
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toHaveProperty('durationMs');
  });

  it('times a CAPTCHA challenge from shown to passed across its two frames', async () => {
    const messages: { m: ContentMessage; url: string }[] = [];
    const bframeUrl = 'https://www.google.com/recaptcha/api2/bframe?hl=en&v=x&k=SITE';
    const anchorUrl = 'https://www.google.com/recaptcha/api2/anchor?ar=1&k=SITE&co=x&hl=en&v=x&size=normal&cb=1';

    // The challenge frame: the puzzle appears 1 s in, two rounds are submitted.
    const bframe = loadPage('<!doctype html><html><body></body></html>', bframeUrl);
    runDetector(recaptcha, host, (m) => m.type === 'captcha' && messages.push({ m, url: bframeUrl }));
    await vi.advanceTimersByTimeAsync(1_000);
    bframe.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(fixture('recaptcha/bframe.html'))?.[1] ?? '';
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(6_000);
    trustedClick(bframe.querySelector('#recaptcha-verify-button') as Element);
    await vi.advanceTimersByTimeAsync(5_000);
    trustedClick(bframe.querySelector('#recaptcha-verify-button') as Element);
    host.invalidate();
    host = fakeHost();

    // The checkbox frame: clicked before, checked at the end (12.5 s after the puzzle appeared).
    const anchor = loadPage(fixture('recaptcha/anchor.html'), anchorUrl);
    runDetector(recaptcha, host, (m) => m.type === 'captcha' && messages.push({ m, url: anchorUrl }));
    trustedClick(anchor.querySelector('#recaptcha-anchor') as Element);
    await vi.advanceTimersByTimeAsync(1_500);
    (anchor.querySelector('#recaptcha-anchor') as Element).setAttribute('aria-checked', 'true');
    await vi.advanceTimersByTimeAsync(0);

    expect(messages.map(({ m }) => m.type === 'captcha' && m.phase)).toEqual(['shown', 'round', 'round', 'passed']);
    vi.useRealTimers();
    const db = new ClickworkDB('measured-captcha');
    const collector = new Collector(db, 'ext');
    // Timestamps are checked against the clock: replay them as if they were just sent.
    const base = Date.now() - 20_000;
    for (const { m, url } of messages) {
      const shifted = { ...m, ts: m.ts - T0 + base };
      collector.receive(shifted, { id: 'ext', url, tab: { id: 1, url: 'https://shop.example/' } });
    }
    await collector.flush();
    expect(await db.events.toArray()).toMatchObject([{ detail: 'challenge', durationMs: 12_500, rounds: 2 }]);
    await db.delete();
  });
});
