import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { MAX_CLASS_FILES } from '@/lib/research/class-drop';
import { chartsDrawn, folderForChooser, openClass } from '../e2e/class-page';
import type { Session } from '../e2e/harness';
import { longest, type MainThread, measureMainThread } from '../e2e/main-thread';
import { rng, synthExport } from '../unit/class-fixtures';
import { add, round } from './rows';

/**
 * The class-totals page merging 10,000 export files (in its worker): time from choosing them to
 * the totals, and the page's longest main-thread task meanwhile, in CPU time from a Chrome trace
 * (tests/e2e/main-thread.ts; wall time on a shared machine includes waiting for a CPU). Measured
 * the way the page offers for a class: "Choose a folder" (the worker lists and opens the files; the
 * folder is made in the page's private file system, a real directory handle as the chooser gives).
 * The file chooser's way is measured too, without a budget: there Chromium itself makes the page
 * create the 10,000 File objects, and hand each over, on its thread.
 */
export async function classMerge(s: Session): Promise<void> {
  const rand = rng(10_000);
  const texts = Array.from({ length: MAX_CLASS_FILES }, () => JSON.stringify(synthExport(rand, { rows: 6 })));
  const name = (i: number) => `${String(i).padStart(5, '0')}.json`;

  const page = await openClass(s);
  await folderForChooser(
    page,
    'bench-class',
    texts.map((text, i): [string, string] => [name(i), text]),
  );
  const folder = await merge(page, () => page.getByTestId('class-folder').click());
  await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('bench-class', { recursive: true }));
  await page.close();
  add({
    id: 'class.mergeMs.10k',
    group: 'class',
    metric: `merging ${MAX_CLASS_FILES.toLocaleString('en')} export files in the class page ("Choose a folder"), from choosing them to the totals`,
    value: folder.ms,
    unit: 'ms',
    budget: '≤ 10,000, all merged',
    pass: folder.ms <= 10_000 && folder.participants === MAX_CLASS_FILES,
    note: `${folder.participants.toLocaleString('en')} participants`,
  });
  add({
    id: 'class.blockedMs.10k',
    group: 'class',
    metric: 'longest main-thread task of the class page meanwhile (CPU time)',
    value: folder.blocked,
    unit: 'ms',
    budget: '≤ 50',
    pass: folder.blocked <= 50,
    note: folder.note,
  });

  const dir = mkdtempSync(join(tmpdir(), 'clickwork-bench-class-'));
  try {
    mkdirSync(join(dir, 'many'));
    const paths = texts.map((text, i) => {
      const path = join(dir, 'many', name(i));
      writeFileSync(path, text);
      return path;
    });
    const chooser = await openClass(s);
    const files = await merge(chooser, () => chooser.getByTestId('class-files').setInputFiles(paths));
    await chooser.close();
    add({
      id: 'class.chooserMergeMs.10k',
      group: 'class',
      metric: 'the same files chosen with the file chooser, from choosing them to the totals (no budget)',
      value: files.ms,
      unit: 'ms',
      note: `${files.participants.toLocaleString('en')} participants`,
    });
    add({
      id: 'class.chooserBlockedMs.10k',
      group: 'class',
      metric:
        'longest main-thread task with the file chooser (CPU time; no budget: Chromium makes the files on the page’s thread)',
      value: files.blocked,
      unit: 'ms',
      note: files.note,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Chooses the files with `choose`, waits for the totals and their charts; the time, participants and longest task. */
async function merge(page: Page, choose: () => Promise<void>) {
  let ms = Number.NaN;
  const m: MainThread = await measureMainThread(page, '[data-testid="total-actions"]', async () => {
    const started = Date.now();
    await choose();
    await page.getByTestId('total-actions').waitFor({ timeout: 300_000 });
    ms = Date.now() - started;
    // Drawn by the chart worker (entrypoints/class/chart-worker.ts): all three.
    await chartsDrawn(page, 60_000);
    await page.waitForTimeout(500);
  });
  const participants = Number(await page.getByTestId('total-participants').getAttribute('data-value'));
  return {
    ms: round(ms, 0),
    participants,
    blocked: Math.max(longest(m.before.cpu), longest(m.after.cpu)),
    note: `reading ${longest(m.before.cpu)} ms CPU (${longest(m.before.wall)} ms wall), drawing ${longest(m.after.cpu)} ms CPU (${longest(m.after.wall)} ms wall)`,
  };
}
