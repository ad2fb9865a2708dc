import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnonymisedExport, exportToCsv } from '@/lib/research/format';
import { rng, sumRows, synthExport } from '../unit/class-fixtures';
import { chartsDrawn, folderForChooser, openClass } from './class-page';
import { launch, type Session } from './harness';
import { longest, measureMainThread } from './main-thread';

/**
 * "Choose a folder" on the class-totals page (Chromium's File System Access API): the worker lists
 * and opens the folder's exports itself. The folder is made in the page's origin-private file
 * system (a real FileSystemDirectoryHandle, as the chooser returns) and the chooser answers with it.
 */
const rand = rng(42);
const top = Array.from({ length: 30 }, () => synthExport(rand, { rows: 5 }));
const groupA = synthExport(rand, { rows: 5 });
const groupB = synthExport(rand, { rows: 5 });
const csvs = Array.from({ length: 4 }, () => synthExport(rand, { rows: 5 }));
const files: [string, string][] = [
  ...top.map((f, i): [string, string] => [`${String(i).padStart(2, '0')}.json`, JSON.stringify(f)]),
  ['group-a/export.json', JSON.stringify(groupA)],
  ['group-b/export.json', JSON.stringify(groupB)],
  ...csvs.map((f, i): [string, string] => [`group-b/csv/${i}.csv`, exportToCsv(f)]),
  ['.DS_Store', 'binary'],
  ['notes.txt', 'not an export'],
  ['photos/cat.jpg', 'jpeg'],
];

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

/** The class page, a folder `name` made with `content` in its private file system, and the chooser answering with it. */
async function classWithFolder(name: string, content: [string, string][]): Promise<Page> {
  const page = await openClass(s);
  await folderForChooser(page, name, content);
  return page;
}

describe('class totals from a chosen folder (Chromium)', () => {
  it('offers "Choose a folder" where the browser has a folder chooser', async () => {
    const page = await classWithFolder('class', []);
    expect(await page.getByTestId('class-folder').textContent()).toBe('Choose a folder');
    await page.close();
  });

  it('merges every export of the folder and its subfolders, named by path, the rest left aside, the page never blocked', async () => {
    const page = await classWithFolder('class', files);
    const m = await measureMainThread(page, '[data-testid="total-actions"]', async () => {
      await page.getByTestId('class-folder').click();
      await page.getByTestId('total-actions').waitFor({ timeout: 60_000 });
      await chartsDrawn(page);
    });
    const all: AnonymisedExport[] = [...top, groupA, groupB, ...csvs];
    expect(await page.getByTestId('total-participants').getAttribute('data-value')).toBe(String(all.length));
    expect(await page.getByTestId('total-actions').getAttribute('data-value')).toBe(String(sumRows(all).actions));
    await page
      .locator('details', { has: page.getByTestId('accepted-list') })
      .locator('summary')
      .click();
    const names = await page.getByTestId('accepted-list').locator('li').allTextContents();
    expect(names.some((n) => n.startsWith('class/group-a/export.json'))).toBe(true);
    expect(names.some((n) => n.startsWith('class/group-b/export.json'))).toBe(true);
    expect(names.some((n) => n.startsWith('class/group-b/csv/3.csv'))).toBe(true);
    expect(names.some((n) => /DS_Store|notes|cat/.test(n))).toBe(false);
    expect(await page.getByTestId('drop-notices').count()).toBe(0);
    console.log(`folder of ${all.length} exports: longest main-thread task ${longest(m.before.cpu)} ms CPU while reading`);
    expect(longest(m.before.cpu)).toBeLessThan(50);
    await page.screenshot({ path: 'test-results/class-folder-en.png', fullPage: true });
    await page.close();
  }, 120_000);

  it('says a folder holds no export, and adds nothing', async () => {
    const page = await classWithFolder('holiday', [['cat.jpg', 'jpeg']]);
    await page.getByTestId('class-folder').click();
    await expect
      .poll(() => page.getByTestId('folder-notices').textContent())
      .toBe('No export file (.json, .zip, .csv) in the folder holiday: nothing was added.');
    expect(await page.getByTestId('total-actions').count()).toBe(0);
    expect(await page.getByTestId('drop-notices').count()).toBe(0);
    await page.screenshot({ path: 'test-results/class-folder-empty-en.png', fullPage: true });
    await page.close();
  });

  it('cancels a folder being read: the totals stay as they were, nothing of it comes later', async () => {
    const many = Array.from({ length: 3000 }, (_, i): [string, string] => [
      `${String(i).padStart(4, '0')}.json`,
      JSON.stringify(synthExport(rand, { rows: 3 })),
    ]);
    const page = await classWithFolder('big-class', many);
    await page.getByTestId('class-folder').click();
    await page.getByTestId('cancel').click();
    await expect
      .poll(() => page.getByTestId('reading-status').textContent(), { timeout: 60_000 })
      .toBe('Cancelled: nothing from those files was added.');
    await page.waitForTimeout(3000);
    expect(await page.getByTestId('total-actions').count()).toBe(0);
    expect(await page.getByTestId('progress').count()).toBe(0);
    // The page takes the folder again after it, whole.
    await page.getByTestId('class-folder').click();
    await page.getByTestId('total-actions').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('total-participants').getAttribute('data-value')).toBe('3000');
    await page.close();
  }, 240_000);

  it('closing the chooser changes nothing', async () => {
    const page = await classWithFolder('class', []);
    await page.evaluate(() => {
      (window as unknown as { showDirectoryPicker: () => Promise<never> }).showDirectoryPicker = () =>
        Promise.reject(new DOMException('closed', 'AbortError'));
    });
    await page.getByTestId('class-folder').click();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('reading-status').textContent()).toBe('');
    await page.close();
  });
});
