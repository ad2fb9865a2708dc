import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopup, resetDb, type Session, seedEvents, settle, storedEvents, URLS, waitForEvents } from './harness';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

describe('back up and restore', () => {
  it('downloads a backup and a CSV, restores the backup without duplicates, and refuses a damaged file', async () => {
    await resetDb(s);
    const yt = await s.context.newPage();
    await yt.goto(URLS.youtube);
    await yt.locator('like-button-view-model button').click();
    await yt.goto(URLS.x);
    await yt.locator('[data-testid="like"]').click();
    const popup = await openPopup(s);
    await waitForEvents(popup, (e) => e.length === 2 && e.every((x) => x.signal === 'dom+network'));

    const data = await s.context.newPage();
    await data.goto(`chrome-extension://${s.extensionId}/data.html`);
    const [json] = await Promise.all([data.waitForEvent('download'), data.getByTestId('export-json').click()]);
    const backupPath = join(tmpdir(), `clickwork-e2e-${Date.now()}.json`);
    await json.saveAs(backupPath);
    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(backup.format).toBe('clickwork-meter/personal-backup');
    expect(backup.events.map((e: { platform: string }) => e.platform).sort()).toEqual(['x', 'youtube']);
    const [csv] = await Promise.all([data.waitForEvent('download'), data.getByTestId('export-csv').click()]);
    const csvPath = join(tmpdir(), `clickwork-e2e-${Date.now()}.csv`);
    await csv.saveAs(csvPath);
    expect(readFileSync(csvPath, 'utf8').trim().split('\n')).toHaveLength(3);

    // Everything lost (a new browser, say), then restored from the file.
    await resetDb(s);
    await data.getByTestId('import-file').setInputFiles(backupPath);
    await data
      .getByTestId('import-result')
      .filter({ hasText: 'Restored: 2 actions added, 0 already here. Nothing was deleted and no setting changed.' })
      .waitFor();
    expect(await data.getByTestId('settings-same').textContent()).toBe(
      'The file’s settings are the same as yours: nothing to apply.',
    );
    expect((await storedEvents(popup)).map((e) => e.platform).sort()).toEqual(['x', 'youtube']);
    await popup.reload();
    await popup.getByTestId('total').filter({ hasText: '2' }).waitFor();

    // The same file again adds nothing; a damaged one is refused with its reason.
    await data.reload();
    await data.getByTestId('import-file').setInputFiles(backupPath);
    await data.getByTestId('import-result').filter({ hasText: '0 actions added, 2 already here' }).waitFor();
    const damaged = join(tmpdir(), `clickwork-e2e-damaged-${Date.now()}.json`);
    writeFileSync(damaged, readFileSync(backupPath, 'utf8').slice(0, 120));
    await data.reload();
    await data.getByTestId('import-file').setInputFiles(damaged);
    expect(await data.getByRole('alert').textContent()).toBe(
      'Nothing was changed: the file is not a readable backup (damaged or cut short).',
    );
    expect(await storedEvents(popup)).toHaveLength(2);
    await data.screenshot({ path: 'test-results/data.png', fullPage: true });
    for (const p of [yt, data, popup]) await p.close();
  });

  it('restores as a merge: deletes nothing, changes no setting, and offers the file’s settings apart', async () => {
    await resetDb(s);
    const popup = await openPopup(s);
    await putTracking(popup, undefined); // this browser's defaults, also after a failed attempt
    await seedEvents(
      popup,
      Array.from({ length: 50 }, (_, i) => ({ ...LIKE, ts: noonDaysAgo(60 + i) })),
    );
    const file = join(tmpdir(), `clickwork-e2e-settings-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(foreignBackup()));
    const data = await s.context.newPage();
    await data.setViewportSize({ width: 1000, height: 900 });
    await data.goto(`chrome-extension://${s.extensionId}/data.html`);
    await data.getByTestId('import-file').setInputFiles(file);
    await data.getByTestId('settings-diff').waitFor();
    expect(await data.getByTestId('import-result').textContent()).toBe(
      'Restored: 1 actions added, 0 already here. 1 skipped: malformed in the file (they could not be read). Nothing was deleted and no setting changed.',
    );
    await settle(data, 1_500); // time for the background to act, had the restore told it anything
    expect(await storedEvents(popup)).toHaveLength(51);
    expect(await trackingHere(popup)).toBeUndefined();
    const row = (key: string) => data.locator(`[data-setting="${key}"]`);
    expect(
      await data
        .getByTestId('settings-diff')
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-setting'))),
    ).toEqual(['microRate', 'fairRate', 'disabled', 'retentionDays', 'privateWindows', 'badge']);
    expect(await row('retentionDays').locator('th, td').allTextContents()).toEqual([
      'Keep my history',
      'until I delete it',
      '30 daysWarning: applying this deletes 50 of your actions at once (all older than 30 days). Only a backup can bring them back.',
      '',
    ]);
    expect(await row('disabled').locator('td').first().textContent()).toBe('none');
    expect(await row('disabled').locator('td').nth(1).textContent()).toBe('TikTok, X');
    expect(await row('privateWindows').locator('td').allTextContents()).toEqual(['no', 'yes', '']);
    await data.screenshot({ path: 'test-results/restore-settings.png', fullPage: true });

    // Only the ticked setting is applied; the history stays whole.
    await row('badge').getByRole('checkbox').check();
    await data.getByTestId('apply-settings').click();
    await data.getByTestId('settings-status').filter({ hasText: 'Applied: Today’s count on the toolbar button.' }).waitFor();
    expect(await trackingHere(popup)).toEqual({ disabled: [], privateWindows: false, badge: true });
    await settle(data, 1_000);
    expect(await storedEvents(popup)).toHaveLength(51);
    expect(await row('badge').count()).toBe(0);

    // The retention, ticked after its warning, deletes what it said it would.
    await row('retentionDays').getByRole('checkbox').check();
    await data.getByTestId('apply-settings').click();
    await expect.poll(async () => (await storedEvents(popup)).length, { timeout: 8_000 }).toBe(1);
    await putTracking(popup, undefined); // leave this browser's settings as they were
    for (const p of [data, popup]) await p.close();
  });

  it('shows a long restore’s progress while it writes, then its result', async () => {
    await resetDb(s);
    const data = await s.context.newPage();
    await data.goto(`chrome-extension://${s.extensionId}/data.html`);
    const [saved] = await Promise.all([data.waitForEvent('download'), data.getByTestId('export-json').click()]);
    const path = join(tmpdir(), `clickwork-e2e-long-${Date.now()}.json`);
    await saved.saveAs(path);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    const n = 30_000;
    const from = Date.now() - n * 60_000;
    file.events = Array.from({ length: n }, (_, i) => ({
      kind: 'reaction',
      platform: 'youtube',
      detail: 'like',
      ts: from + i * 60_000,
      signal: 'dom',
      targetKey: `long-${i}`,
    }));
    writeFileSync(path, JSON.stringify(file));
    // The status line is on the page, empty, before the restore starts: screen readers announce
    // what a live region comes to say, not always one added with its text.
    const status = data.getByTestId('import-status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toBe('');
    await data.getByTestId('import-file').setInputFiles(path);
    // A moment part way: some written, not all, the chooser off, told to keep the page open (read
    // together, in the page, while the restore runs).
    const part = await data.waitForFunction(
      () => {
        const bar = document.querySelector<HTMLProgressElement>('#import-progress-bar');
        if (!bar || !(bar.value > 0 && bar.value < bar.max)) return false;
        const running = document.querySelector('[data-testid="import-running"]');
        return {
          written: bar.value,
          max: bar.max,
          label: document.querySelector('[data-testid="import-progress-label"]')?.textContent,
          inStatus: running?.parentElement?.getAttribute('data-testid'),
          running: running?.textContent,
          chooserOff: document.querySelector<HTMLInputElement>('[data-testid="import-file"]')?.disabled,
        };
      },
      null,
      { polling: 20, timeout: 60_000 },
    );
    const seen = await part.jsonValue();
    if (!seen) throw new Error('no moment part way was seen');
    expect(seen).toMatchObject({ max: n, inStatus: 'import-status', chooserOff: true });
    expect(seen.label).toBe(`Actions written: ${seen.written.toLocaleString('en')} of 30,000`);
    expect(seen.running).toContain('Keep this page open until it ends');
    await data.screenshot({ path: 'test-results/restore-progress.png', fullPage: true });
    await data
      .getByTestId('import-result')
      .filter({ hasText: 'Restored: 30,000 actions added, 0 already here.' })
      .waitFor({ timeout: 60_000 });
    expect(await data.getByTestId('import-progress').count()).toBe(0);
    // The result is said by the same status line, which has stayed on the page.
    expect(await status.textContent()).toContain('Restored: 30,000 actions added');
    await data.screenshot({ path: 'test-results/restore-done.png', fullPage: true });
    expect(await data.getByTestId('import-file').isDisabled()).toBe(false);
    expect(await storedEvents(data)).toHaveLength(n);
    rmSync(path);
    await data.close();
  }, 120_000);
});

describe('the settings step, in French', () => {
  let fr: Session;
  beforeAll(async () => {
    fr = await launch({ lang: 'fr' });
  });
  afterAll(async () => {
    await fr?.close();
  });

  it('names each difference in French', async () => {
    await resetDb(fr);
    const popup = await openPopup(fr);
    await seedEvents(
      popup,
      Array.from({ length: 50 }, (_, i) => ({ ...LIKE, ts: noonDaysAgo(60 + i) })),
    );
    const file = join(tmpdir(), `clickwork-e2e-settings-fr-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(foreignBackup()));
    const data = await fr.context.newPage();
    await data.setViewportSize({ width: 1000, height: 900 });
    await data.goto(`chrome-extension://${fr.extensionId}/data.html`);
    await data.getByTestId('import-file').setInputFiles(file);
    await data.getByTestId('settings-diff').waitFor();
    await expect
      .poll(() => data.locator('[data-setting="retentionDays"] td').nth(1).textContent())
      .toBe(
        '30 joursAttention : appliquer ce réglage supprime aussitôt 50 de vos actions (toutes celles de plus de 30 jours). Seule une sauvegarde peut les faire revenir.',
      );
    expect(await storedEvents(popup)).toHaveLength(51);
    await data.screenshot({ path: 'test-results/restore-settings-fr.png', fullPage: true });
    for (const p of [data, popup]) await p.close();
  });
});

const LIKE = { kind: 'reaction', platform: 'youtube', detail: 'like' } as const;
const noonDaysAgo = (n: number) => {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - n, 12).getTime();
};

/** The file: 30-day retention, two platforms off, private windows on, one action and one malformed. */
function foreignBackup() {
  return {
    format: 'clickwork-meter/personal-backup',
    version: 1,
    schemaVersion: 2,
    exportedAt: new Date().toISOString(),
    extensionVersion: '0.1.0',
    settings: {
      valuation: { microPresetId: 'ilo-median', fairPresetId: 'uk-nlw' },
      tracking: { disabled: ['x', 'tiktok'], retentionDays: 30, privateWindows: true, badge: true },
    },
    events: [
      { kind: 'share', platform: 'x', detail: 'repost', ts: noonDaysAgo(1), signal: 'dom' },
      { kind: 7, platform: 'x', detail: 'repost', ts: noonDaysAgo(1) + 1, signal: 'dom' },
    ],
  };
}

/** The tracking settings stored here (undefined: never changed). */
function trackingHere(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolveGet, reject) => {
        const open = indexedDB.open('clickwork');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('meta').objectStore('meta').get('tracking');
          req.onsuccess = () => {
            open.result.close();
            resolveGet(req.result?.value);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** Puts back (or, undefined, removes) the stored tracking settings, and tells the background. */
async function putTracking(page: Page, value: unknown): Promise<void> {
  await page.evaluate(
    (v) =>
      new Promise<void>((resolvePut, reject) => {
        const open = indexedDB.open('clickwork');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          if (v === undefined) tx.objectStore('meta').delete('tracking');
          else tx.objectStore('meta').put({ key: 'tracking', value: v });
          tx.oncomplete = () => {
            open.result.close();
            (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome.runtime
              .sendMessage({ type: 'tracking-changed' })
              .then(
                () => resolvePut(),
                () => resolvePut(),
              );
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    value,
  );
}
