import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { restoreFailure } from '@/entrypoints/data/useRestore';
import { exportBackup, importBackup } from '@/lib/db/backup';
import { ClickworkDB } from '@/lib/db/schema';
import { formatEntry } from '@/lib/i18n-fallback';
import en from '@/public/_locales/en/messages.json';

// The English catalogue, as the browser would give it.
beforeEach(() => {
  const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string, s?: string[]): string; getUILanguage(): string };
  i18n.getMessage = (k, subs) => {
    const entry = (en as Record<string, Parameters<typeof formatEntry>[0]>)[k];
    return entry ? formatEntry(entry, subs ?? []) : '';
  };
  i18n.getUILanguage = () => 'en';
});

let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`restore-failure-${++n}`);
});
afterEach(() => db.delete());

/** What a restore rejects with when the database refuses one of its events with `error`. */
async function failedRestore(error: Error): Promise<unknown> {
  const file = await exportBackup(db, '0.1.0', 'en');
  file.events = Array.from({ length: 20 }, (_, i) => ({
    kind: 'reaction',
    platform: 'youtube',
    detail: 'like',
    ts: Date.now() - i * 60_000,
    signal: 'dom',
    targetKey: `t${i}`,
  })) as typeof file.events;
  db.events.hook('creating', (_key, event) => {
    if (event.targetKey === 't7') throw error;
  });
  return importBackup(db, JSON.stringify(file), 'en').then(
    () => expect.unreachable('the restore should have failed'),
    (e: unknown) => e,
  );
}

describe('a restore stopped while it writes, in words', () => {
  it('a full disk: says so and what to do, and that nothing changed', async () => {
    const error = await failedRestore(new DOMException('Quota exceeded', 'QuotaExceededError'));
    expect(restoreFailure(error)).toBe(
      'Nothing was changed: the browser’s storage (or the disk) is full. Free some space, then restore the file again.',
    );
    expect(await db.events.count()).toBe(0);
  });

  it('a full disk reported by the transaction (the abort wrapping the quota error)', () => {
    const abort = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: { name: 'QuotaExceededError' },
    });
    expect(restoreFailure(abort)).toContain('is full. Free some space');
  });

  it('anything else: the browser’s own words, and that the file is unchanged', async () => {
    const error = await failedRestore(new Error('refused by the database'));
    expect(restoreFailure(error)).toBe(
      'Nothing was changed: the browser stopped the restore (refused by the database). Try again; the file itself is unchanged.',
    );
    expect(restoreFailure('odd')).toContain('the browser stopped the restore (odd)');
  });
});
