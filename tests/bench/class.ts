import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_CLASS_FILES } from '@/lib/research/class-drop';
import type { Session } from '../e2e/harness';
import { longest, measureMainThread } from '../e2e/main-thread';
import { rng, synthExport } from '../unit/class-fixtures';
import { add, round } from './rows';

/**
 * The class-totals page merging 10,000 export files (in its worker): time from choosing the
 * files to the totals, and the page's longest main-thread task meanwhile, in CPU time from a
 * Chrome trace (tests/e2e/main-thread.ts; wall time on a shared machine includes waiting for a CPU).
 */
export async function classMerge(s: Session): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'clickwork-bench-class-'));
  try {
    mkdirSync(join(dir, 'many'));
    const rand = rng(10_000);
    const paths = Array.from({ length: MAX_CLASS_FILES }, (_, i) => {
      const path = join(dir, 'many', `${String(i).padStart(5, '0')}.json`);
      writeFileSync(path, JSON.stringify(synthExport(rand, { rows: 6 })));
      return path;
    });
    const page = await s.context.newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto(`chrome-extension://${s.extensionId}/class.html`);
    await page.locator('main').waitFor();
    let ms = Number.NaN;
    const m = await measureMainThread(page, '[data-testid="total-actions"]', async () => {
      const started = Date.now();
      await page.getByTestId('class-files').setInputFiles(paths);
      await page.getByTestId('total-actions').waitFor({ timeout: 300_000 });
      ms = Date.now() - started;
      await page.getByTestId('chart-beneficiary').waitFor();
      await page.waitForTimeout(500);
    });
    const participants = Number(await page.getByTestId('total-participants').getAttribute('data-value'));
    await page.close();
    const blocked = Math.max(longest(m.before.cpu), longest(m.after.cpu));
    add({
      id: 'class.mergeMs.10k',
      group: 'class',
      metric: `merging ${MAX_CLASS_FILES.toLocaleString('en')} export files in the class page, from choosing them to the totals`,
      value: round(ms, 0),
      unit: 'ms',
      budget: '≤ 10,000, all merged',
      pass: ms <= 10_000 && participants === MAX_CLASS_FILES,
      note: `${participants.toLocaleString('en')} participants`,
    });
    add({
      id: 'class.blockedMs.10k',
      group: 'class',
      metric: 'longest main-thread task of the class page meanwhile (CPU time)',
      value: blocked,
      unit: 'ms',
      budget: '≤ 50',
      pass: blocked <= 50,
      note: `reading ${longest(m.before.cpu)} ms CPU (${longest(m.before.wall)} ms wall), drawing ${longest(m.after.cpu)} ms CPU (${longest(m.after.wall)} ms wall)`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
