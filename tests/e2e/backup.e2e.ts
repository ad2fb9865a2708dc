import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPopup, resetDb, type Session, storedEvents, URLS, waitForEvents } from './harness';

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
    await data.getByTestId('import-result').filter({ hasText: 'Restored: 2 actions added, 0 already here.' }).waitFor();
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
});
