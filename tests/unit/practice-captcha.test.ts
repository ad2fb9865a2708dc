// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Captcha } from '@/entrypoints/practice/Captcha';
import { Collector, type MessageSender } from '@/lib/background/collector';
import { runDetector } from '@/lib/content/runtime';
import { ClickworkDB } from '@/lib/db/schema';
import practice from '@/lib/detectors/practice';
import type { ContentMessage } from '@/lib/messages';
import { collect, fakeHost, tick, trustedClick } from './helpers';

const EXT = 'abcdefghijklmnop';
const PAGE = `chrome-extension://${EXT}/practice.html`;
const sender: MessageSender = { id: EXT, url: PAGE, tab: { id: 4, url: PAGE } };

let host = fakeHost();
beforeEach(() => {
  const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string): string; getUILanguage(): string };
  i18n.getMessage = (k) => k;
  i18n.getUILanguage = () => 'en';
});
afterEach(() => {
  host.invalidate();
  host = fakeHost();
  render(null, document.body);
});

function practicePage(url = PAGE): HTMLElement {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  document.body.innerHTML = '';
  render(h(Captcha, {}), document.body);
  return document.body;
}
const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement;

it('times the practice CAPTCHA as a real one: shown, a round per Verify, passed; stored with its duration', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  practicePage();
  const sent: ContentMessage[] = [];
  runDetector(practice, host, collect(sent));
  trustedClick(byTestId('p-captcha'));
  await tick(20);
  await tick(300);
  trustedClick(byTestId('p-verify')); // no tile picked: "try again", one round
  await tick(20);
  trustedClick(byTestId('p-tile-1'));
  await tick(20);
  trustedClick(byTestId('p-verify'));
  await tick(20);
  const steps = sent.map((m) => (m.type === 'captcha' ? `${m.widget}:${m.phase}` : m.type));
  expect(steps).toEqual(['practice:shown', 'practice:round', 'practice:round', 'practice:passed']);
  const ts = sent.map((m) => m.ts);
  expect((ts.at(-1) as number) - (ts[0] as number)).toBeGreaterThanOrEqual(300);

  // Through the background's intake, as from the practice page: one timed challenge.
  const db = new ClickworkDB('practice-captcha');
  const collector = new Collector(db, EXT);
  for (const m of sent) {
    const r = collector.receive(m, sender);
    expect(r.ok).toBe(true);
    if (r.ok) await r.stored;
  }
  const events = await db.events.toArray();
  expect(events).toMatchObject([{ platform: 'practice', kind: 'captcha', detail: 'challenge', rounds: 2 }]);
  expect(events[0]?.durationMs).toBe((ts.at(-1) as number) - (ts[0] as number));
  await db.delete();
});

it('reports nothing for a script that opens and passes the practice CAPTCHA, nor on the welcome page', async () => {
  practicePage();
  const sent: ContentMessage[] = [];
  runDetector(practice, host, collect(sent));
  byTestId('p-captcha').click(); // untrusted: the page's own script
  await tick(20);
  byTestId('p-tile-1').click();
  await tick(20);
  byTestId('p-verify').click();
  await tick(20);
  expect(sent.filter((m) => m.type === 'captcha' && m.phase !== 'shown')).toEqual([]);
  expect(practice.captcha?.frameRole(new URL(`chrome-extension://${EXT}/welcome.html`))).toBeNull();
});
