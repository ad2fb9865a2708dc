import { copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  daysAgo,
  launch,
  openPopup,
  resetDb,
  type SeedEvent,
  type Session,
  seedEvents,
  settle,
  storedEvents,
  URLS,
  waitForEvents,
} from './harness';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

/** A known year: counts are chosen so that every total below can be worked out by hand. */
function year(): SeedEvent[] {
  const out: SeedEvent[] = [];
  for (let i = 0; i < 300; i++) out.push({ kind: 'reaction', platform: 'youtube', detail: 'like', ts: daysAgo(i) }); // 1 a day for 300 days
  for (let i = 0; i < 20; i++) out.push({ kind: 'share', platform: 'x', detail: 'repost', ts: daysAgo(i * 3) }); // days 0..57
  for (let i = 0; i < 10; i++)
    out.push({ kind: 'captcha', platform: 'recaptcha', detail: 'challenge', ts: daysAgo(i), durationMs: 12_000 });
  for (let i = 0; i < 5; i++) out.push({ kind: 'captcha', platform: 'hcaptcha', detail: 'checkbox', ts: daysAgo(40 + i) });
  for (let i = 0; i < 6; i++)
    out.push({ kind: 'ai-feedback', platform: 'chatgpt', detail: i % 3 ? 'up' : 'down', ts: daysAgo(i) });
  out.push({ kind: 'vote', platform: 'reddit', detail: 'up', ts: daysAgo(400) }); // outside the year
  return out;
}

describe('dashboard', () => {
  it('shows the totals of a seeded year for each range, who received the work, and the ledgers', async () => {
    await resetDb(s);
    const popup = await openPopup(s);
    await seedEvents(popup, year());
    const [page] = await Promise.all([s.context.waitForEvent('page'), popup.getByTestId('dashboard-link').click()]);
    await page.waitForLoadState();
    expect(page.url()).toBe(`chrome-extension://${s.extensionId}/options.html`);
    await page.setViewportSize({ width: 1280, height: 1000 });
    const total = () => page.getByTestId('total').textContent();

    // Month (30 days: days 0..29): 30 likes + 10 reposts (days 0,3..27) + 10 challenges + 6 thumbs.
    await page.locator('main[data-state="ready"]').waitFor();
    expect(await total()).toBe('56');
    // The 30 days before: 30 likes + 10 reposts (days 30..57) + 5 checkboxes = 45 → +24 %.
    expect(await page.getByTestId('compare').textContent()).toBe('+24% compared with the previous period (45 actions)');
    expect(await page.getByTestId('captcha-ledger').locator('tbody tr').allTextContents()).toEqual(['reCAPTCHA0102 min']);
    expect(await page.getByTestId('ai-ledger').locator('tbody tr').allTextContents()).toEqual(['ChatGPT420']);
    await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });

    // The hour-of-week heat map holds the same 56 actions (all seeded at noon).
    await expect
      .poll(async () =>
        (await page.getByTestId('heatmap').locator('tbody td').allTextContents()).reduce((n, c) => n + Number(c || 0), 0),
      )
      .toBe(56);

    // The payslip of the month: a PNG image, shown and downloaded.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('payslip').click()]);
    const png = join(tmpdir(), `payslip-${Date.now()}.png`);
    await download.saveAs(png);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(900); // width from the IHDR chunk
    expect(await page.getByTestId('payslip-image').getAttribute('alt')).toMatch(/^Payslip image: 56 actions, /);
    copyFileSync(png, 'test-results/payslip.png');

    // Week: 7 likes + 3 reposts (days 0,3,6) + 7 challenges + 6 thumbs = 23.
    await page.getByTestId('range-week').click();
    await page.getByTestId('total').filter({ hasText: /^23$/ }).waitFor();

    // Today (day 0): 1 like + 1 repost + 1 challenge + 1 thumbs = 4.
    await page.getByTestId('range-day').click();
    await page.getByTestId('total').filter({ hasText: /^4$/ }).waitFor();

    // Year (365 days): everything but the vote from 400 days ago: 300 + 20 + 10 + 5 + 6 = 341.
    await page.getByTestId('range-year').click();
    await page.getByTestId('total').filter({ hasText: /^341$/ }).waitFor();
    const beneficiaries = await page.getByTestId('by-beneficiary').locator('li').allTextContents();
    expect(beneficiaries[0]).toBe('Google (Alphabet)310'); // YouTube 300 + reCAPTCHA 10
    expect(beneficiaries).toContain('X Corp20');
    expect(beneficiaries).toContain('Intuition Machines5');
    expect(beneficiaries).toContain('OpenAI6');
    expect(await page.getByTestId('captcha-ledger').locator('tbody tr').allTextContents()).toEqual([
      'reCAPTCHA0102 min',
      'hCaptcha50—',
    ]);

    // Dark mode follows the system.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/dashboard-dark.png', fullPage: true });
    await page.close();
    await popup.close();
  });

  it('deleting a row and correcting its kind update every total; delete everything empties it', async () => {
    await resetDb(s);
    const popup = await openPopup(s);
    await seedEvents(
      popup,
      [0, 1, 2].map((i) => ({ kind: 'reaction', platform: 'youtube', detail: 'like', ts: daysAgo(0) - i * 60_000 })),
    );
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/options.html`);
    await page.getByTestId('range-week').click();
    await page.getByTestId('total').filter({ hasText: /^3$/ }).waitFor();
    const rows = page.getByTestId('history').locator('tbody tr');
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);

    await rows
      .first()
      .getByRole('button', { name: /^Delete this action: Reactions, YouTube/ })
      .click();
    await page.getByTestId('total').filter({ hasText: /^2$/ }).waitFor();
    // The totals and the history are two reads: the deleted row may still be drawn when the total is 2 (CI,
    // 2026-12-02: the kind was chosen on the deleted row, which changes nothing).
    await expect.poll(() => rows.count()).toBe(2);
    await rows.first().getByRole('combobox').selectOption('vote');
    await expect.poll(() => page.getByTestId('kind-chart').getAttribute('aria-label')).toMatch(/Reactions: 1, Votes: 1/);
    expect(await page.getByTestId('by-platform').textContent()).toContain('2');
    // The popup shows the same numbers.
    await popup.reload();
    await popup.getByTestId('total').filter({ hasText: /^2$/ }).waitFor();

    page.once('dialog', (d) => d.accept());
    await page.getByTestId('delete-all').click();
    await page.getByTestId('total').filter({ hasText: /^0$/ }).waitFor();
    await expect.poll(() => page.getByTestId('history').count()).toBe(0);
    await page.close();
    await popup.close();
  });

  it('pauses counting and switches a platform off, then counts again', async () => {
    await resetDb(s);
    const dash = await s.context.newPage();
    await dash.goto(`chrome-extension://${s.extensionId}/options.html`);
    await dash.getByTestId('pause-hour').click();
    await dash.getByTestId('paused').waitFor();
    const yt = await s.context.newPage();
    await yt.goto(URLS.youtube);
    await yt.locator('like-button-view-model button').click();
    const popup = await openPopup(s);
    expect(await popup.getByTestId('paused').textContent()).toMatch(/^Counting is paused until /);
    await settle(popup, 1_500);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt)).toEqual([]);

    // Resumed, with YouTube switched off: a like on X counts, one on YouTube does not.
    await dash.getByTestId('resume').click();
    await dash.getByTestId('switch-youtube').uncheck();
    // The switch is saved, then published to the content scripts: reload only once it is (a person is not that quick).
    await expect
      .poll(() =>
        dash.evaluate(async () => {
          const c = (
            globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }
          ).chrome;
          const state = (await c.storage.local.get('trackingState')).trackingState as { disabled?: string[] } | undefined;
          return state?.disabled ?? [];
        }),
      )
      .toContain('youtube');
    await yt.reload();
    await yt.locator('like-button-view-model button').click();
    await yt.goto(URLS.x);
    await yt.locator('[data-testid="like"]').click();
    const events = await waitForEvents(popup, (e) => e.length >= 1 && e.every((x) => x.signal === 'dom+network'));
    await settle(popup, 1_000);
    expect((await storedEvents(popup)).filter((e) => !e.undoneAt).map((e) => e.platform)).toEqual(['x']);
    expect(events).toHaveLength(1);
    // The dashboard, open all along, redraws when the service worker stores the like.
    await dash.getByTestId('total').filter({ hasText: /^1$/ }).waitFor({ timeout: 10_000 });
    // So does its history table (its own live read): the like is its one row.
    await expect.poll(() => dash.getByTestId('history').locator('tbody td:nth-child(2)').allTextContents()).toEqual(['X']);
    await dash.getByTestId('switch-youtube').check();
    await settle(dash, 500); // let the setting be written before the page closes
    for (const p of [dash, yt, popup]) await p.close();
  });

  it('shows today’s count on the toolbar button when asked to', async () => {
    await resetDb(s);
    const dash = await s.context.newPage();
    await dash.goto(`chrome-extension://${s.extensionId}/options.html`);
    const badge = () =>
      s.worker.evaluate(() =>
        (
          globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
        ).chrome.action.getBadgeText({}),
      );
    expect(await badge()).toBe('');
    await dash.getByTestId('badge').check();
    const yt = await s.context.newPage();
    await yt.goto(URLS.youtube);
    await yt.locator('like-button-view-model button').click();
    await expect.poll(badge, { timeout: 10_000 }).toBe('1');
    await dash.getByTestId('badge').uncheck();
    await expect.poll(badge, { timeout: 10_000 }).toBe('');
    for (const p of [dash, yt]) await p.close();
  });
});
