import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { payslipLines } from '@/components/payslip';
import { ingest } from '@/lib/db/ingest';
import { rangeDays, summarize } from '@/lib/db/queries';
import { ClickworkDB } from '@/lib/db/schema';
import { defaultSettings, valuate } from '@/lib/valuation';

const db = new ClickworkDB('payslip');
beforeEach(() => {
  // The catalogue is not loaded in unit tests: messages read as their keys.
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('payslip', () => {
  it('holds aggregates only: no host, URL or target of any event', async () => {
    const now = Date.now();
    await ingest(db, [
      {
        platform: 'youtube',
        kind: 'reaction',
        detail: 'like',
        slot: 'exclusive',
        op: 'add',
        signal: 'dom',
        ts: now,
        targetKey: 'secret-target-key',
        host: 'www.youtube.com',
      },
      {
        platform: 'recaptcha',
        kind: 'captcha',
        detail: 'challenge',
        slot: 'none',
        op: 'add',
        signal: 'dom',
        ts: now,
        durationMs: 9000,
        host: 'private-shop.example',
      },
    ]);
    const summary = await summarize(db, rangeDays('7d'));
    const lines = payslipLines(summary, valuate(summary.tallies, defaultSettings('fr-FR')));
    const text = JSON.stringify(lines);
    for (const secret of ['secret-target-key', 'www.youtube.com', 'private-shop.example', 'http'])
      expect(text).not.toContain(secret);
    expect(lines.sections.map((s) => s.rows.length)).toEqual([2, 2, 1, 3]); // totals, 2 kinds, 1 company (Google), 3 values
    expect(lines.sections[2]?.rows).toEqual([['Google (Alphabet)', '2']]);
  });
});
