/**
 * The weekly look back in the built extension (issue 16): turned on from the popup, the card shows
 * the right numbers for seeded events once the week has ended (the pages' clock is Playwright's
 * fixed time: no hook in the extension), it is dismissed for good, and the notification permission
 * is asked for only inside the click that chooses notifications. The background's alarm, run with
 * the real clock, notifies the last real week once.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launch, putRawRows, resetDb, type SeedEvent, type Session, seedEvents } from './harness';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();
const POPUP = () => `chrome-extension://${s.extensionId}/popup.html`;
const DASHBOARD = () => `chrome-extension://${s.extensionId}/options.html`;

/**
 * An extension page whose clock reads `time`, with every permission request recorded (what was
 * asked for, and whether the page had the user's gesture at that moment).
 */
async function pageAt(url: string, time: number): Promise<Page> {
  const page = await s.context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e));
  await page.clock.setFixedTime(time);
  await page.addInitScript(() => {
    const log: { permissions: unknown; gesture: boolean }[] = [];
    (window as unknown as { permissionRequests: typeof log }).permissionRequests = log;
    // Both namespaces are wrapped (one may call the other: a call is recorded once).
    let inside = false;
    for (const ns of [(globalThis as { chrome?: unknown }).chrome, (globalThis as { browser?: unknown }).browser]) {
      const api = (ns as { permissions?: { request(p: { permissions?: string[] }): Promise<boolean> } } | undefined)?.permissions;
      if (!api) continue;
      const real = api.request.bind(api);
      api.request = (p) => {
        if (inside) return real(p);
        log.push({ permissions: p.permissions, gesture: navigator.userActivation.isActive });
        inside = true;
        try {
          return real(p);
        } finally {
          inside = false;
        }
      };
    }
  });
  await page.goto(url);
  await page.locator('main[data-state="ready"], main').first().waitFor();
  return page;
}

const requests = (page: Page) =>
  page.evaluate(() => (window as unknown as { permissionRequests?: unknown[] }).permissionRequests ?? null);

async function clearWeekly(): Promise<void> {
  await resetDb(s);
  const page = await pageAt(POPUP(), Date.now());
  await page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('clickwork');
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').delete('weekly');
          tx.objectStore('meta').delete('valuation');
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
        open.onerror = () => fail(open.error);
      }),
  );
  await page.close();
}

beforeEach(clearWeekly);

const like = (platform: string, ts: number): SeedEvent => ({
  kind: 'reaction',
  platform,
  detail: 'like',
  ts,
  durationMs: 60_000,
});

describe('the weekly look back', () => {
  it('is off by default and asks for the notification permission only in the click that chooses it', async () => {
    const dash = await pageAt(DASHBOARD(), Date.now());
    await dash.getByTestId('weekly-settings').waitFor();
    expect(await dash.getByTestId('weekly-mode-off').isChecked()).toBe(true);
    const popup = await pageAt(POPUP(), Date.now());
    await popup.getByTestId('weekly-offer').waitFor();
    // The recorder is in place, and nothing was asked for on opening either page.
    expect(await requests(popup)).toEqual([]);
    expect(await requests(dash)).toEqual([]);
    await popup.getByTestId('weekly-offer-notify').click();
    await popup.getByTestId('weekly-offer-done').waitFor();
    expect(await requests(popup)).toEqual([{ permissions: ['notifications'], gesture: true }]);
    // The dashboard shows the choice; switching to the popup card asks for nothing.
    await dash.reload();
    expect(await dash.getByTestId('weekly-mode-notify').isChecked()).toBe(true);
    await dash.getByTestId('weekly-mode-card').check();
    await dash.getByTestId('weekly-next').waitFor();
    expect(await requests(dash)).toEqual([]);
    await dash.close();
    await popup.close();
  });

  it('shows last week’s numbers at the top of the popup once the week has ended, until dismissed', async () => {
    const setup = await pageAt(POPUP(), at(2026, 11, 25)); // a Wednesday
    await seedEvents(setup, [
      like('youtube', at(2026, 11, 22, 20)), // the Sunday before: not in the week
      ...[9, 10, 11, 12, 13].map((h) => like('youtube', at(2026, 11, 23, h))),
      ...[9, 10, 11].map((h) => like('facebook', at(2026, 11, 25, h))),
      ...[9, 10, 11].map((h) => like('instagram', at(2026, 11, 29, h))),
      like('practice', at(2026, 11, 24)), // the practice page is not click-work
      like('youtube', at(2026, 11, 30, 8)), // the Monday after
    ]);
    await putRawRows(setup, 'meta', [{ key: 'valuation', value: { microPresetId: 'mturk-median', fairPresetId: 'smic' } }]);
    await setup.reload();
    await setup.getByTestId('weekly-offer-card').click();
    await setup.getByTestId('weekly-offer-done').waitFor();
    expect(await requests(setup)).toEqual([]);
    // Later that week: nothing yet (the week has not ended).
    const sunday = await pageAt(POPUP(), at(2026, 11, 29, 23));
    await sunday.locator('main[data-state="ready"]').waitFor();
    expect(await sunday.getByTestId('weekly-card').count()).toBe(0);

    const monday = await pageAt(POPUP(), at(2026, 11, 30, 9));
    const card = monday.getByTestId('weekly-card');
    await card.waitFor();
    expect(await card.locator('h2').textContent()).toBe('Your week of click-work, Nov 23 – Nov 29');
    expect(await card.locator('p').allTextContents()).toEqual([
      // 11 actions of a measured minute each: 11 min at €12.02 an hour.
      'Last week: 11 actions, 11 min given, ≈ €2.20 at SMIC, France (gross).',
      'Most on YouTube; most for Meta.',
    ]);
    await monday.screenshot({ path: '/tmp/weekly-card.png' });
    // Still there until dismissed; once dismissed, not again for that week.
    await monday.reload();
    await card.waitFor();
    await monday.getByTestId('weekly-dismiss').click();
    expect(await card.count()).toBe(0);
    const tuesday = await pageAt(POPUP(), at(2026, 12, 1, 9));
    await tuesday.locator('main[data-state="ready"]').waitFor();
    await tuesday.waitForTimeout(300);
    expect(await tuesday.getByTestId('weekly-card').count()).toBe(0);
    // The next week's look back comes the Monday after, with that week's one action.
    const next = await pageAt(POPUP(), at(2026, 12, 8, 9));
    await next.getByTestId('weekly-card').waitFor();
    expect(await next.getByTestId('weekly-card').getAttribute('data-week')).toBe('2026-11-30');
    expect(await next.getByTestId('weekly-card').locator('p').first().textContent()).toContain('Last week: 1 action, 1 min');
    for (const p of [setup, sunday, monday, tuesday, next]) await p.close();
  });

  it('is notified by the background’s alarm (real clock) once notifications are allowed, and only once', async () => {
    // Headless Chromium never answers the permission prompt: a copy of the build declares
    // notifications as granted at installation. The code that runs is the build's own.
    const dir = mkdtempSync(join(tmpdir(), 'clickwork-notify-'));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    manifest.permissions.push('notifications');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const granted = await launch({ extensionDir: dir });
    try {
      await notifiedOnce(granted);
    } finally {
      await granted.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

type Chrome = {
  alarms: { create(n: string, a: object): void };
  notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> };
};

const dayKey = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Seeds the last real week, fires the extension's own alarm, and expects one notification of it. */
async function notifiedOnce(g: Session): Promise<void> {
  const now = new Date();
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7) - 7, 12);
  const before = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() - 7, 12);
  const page = await g.context.newPage();
  await page.goto(`chrome-extension://${g.extensionId}/popup.html`);
  await page.locator('main[data-state="ready"]').waitFor();
  await seedEvents(page, [like('reddit', monday.getTime()), like('reddit', monday.getTime() + 3_600_000)]);
  await putRawRows(page, 'meta', [{ key: 'weekly', value: { enabled: true, notify: true, handled: dayKey(before) } }]);
  const fire = () =>
    g.worker.evaluate(() =>
      (globalThis as unknown as { chrome: Chrome }).chrome.alarms.create('weekly-look-back', { when: Date.now() }),
    );
  const shown = () =>
    g.worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll().then(Object.keys));
  await fire();
  const id = `weekly-look-back|${dayKey(monday)}`;
  await expect.poll(shown, { timeout: 10_000 }).toEqual([id]);
  // The popup now shows no card for that week: it was looked back on.
  await page.reload();
  await page.locator('main[data-state="ready"]').waitFor();
  expect(await page.getByTestId('weekly-card').count()).toBe(0);
  await g.worker.evaluate((i) => (globalThis as unknown as { chrome: Chrome }).chrome.notifications.clear(i), id);
  await fire();
  await page.waitForTimeout(2_000);
  expect(await shown()).toEqual([]);
  await page.close();
}
