import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BACKUP_FORMAT, exportBackup, importBackup } from '@/lib/db/backup';
import { ingest, type Sighting } from '@/lib/db/ingest';
import { applyFileSettings, settingsDifferences } from '@/lib/db/restore-settings';
import { ClickworkDB } from '@/lib/db/schema';
import { loadTracking, saveTracking } from '@/lib/db/tracking';
import { LANGUAGE_KEY, loadLanguageChoice, saveLanguageChoice } from '@/lib/i18n-fallback';
import { chooseWeekly, modeOf, type NotificationPermissions } from '@/lib/weekly/choose';
import { loadWeekly } from '@/lib/weekly/store';

// Issue 12, finding "a restore can delete history": a restore is a merge and only a merge.

let here: ClickworkDB;
let there: ClickworkDB;
/** The browser's answer to the notification permission, asked at the user's click. */
const grant = (answer: boolean): NotificationPermissions => ({
  contains: async () => answer,
  request: async () => answer,
  remove: async () => true,
});
let n = 0;
beforeEach(() => {
  here = new ClickworkDB(`merge-here-${++n}`);
  there = new ClickworkDB(`merge-there-${n}`);
});
afterEach(async () => {
  await here.delete();
  await there.delete();
});

const DAY = 86_400_000;
const noonDaysAgo = (d: number) => {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - d, 12).getTime();
};
const like = (ts: number, over: Partial<Sighting> = {}): Sighting => ({
  platform: 'youtube',
  kind: 'reaction',
  detail: 'like',
  slot: 'none',
  op: 'add',
  signal: 'dom',
  ts,
  ...over,
});

/** 50 actions here, 60 to 109 days old: what a 30-day retention from a file would wipe out. */
async function fiftyOldActions(db: ClickworkDB) {
  await ingest(
    db,
    Array.from({ length: 50 }, (_, i) => like(noonDaysAgo(60 + i))),
  );
}

/** A backup from another browser: 30-day retention, two platforms off, private windows on, one action. */
async function foreignBackup(): Promise<string> {
  await ingest(there, [like(noonDaysAgo(1) + 5 * 60_000, { platform: 'x', kind: 'share', detail: 'repost' })]);
  await saveTracking(there, { disabled: ['x', 'tiktok'], retentionDays: 30, privateWindows: true, badge: true });
  await there.meta.put({ key: 'valuation', value: { microPresetId: 'ilo-median', fairPresetId: 'uk-nlw' } });
  return JSON.stringify(await exportBackup(there, '0.1.0', 'en'));
}

describe('a restore is a merge and only a merge', () => {
  it('adds the file’s actions, deletes nothing, and leaves every setting here as it was', async () => {
    await fiftyOldActions(here);
    const before = await loadTracking(here);
    const result = await importBackup(here, await foreignBackup(), 'en');
    expect(result).toMatchObject({ ok: true, added: 1, duplicates: 0 });
    expect(await here.events.count()).toBe(51);
    expect(await loadTracking(here)).toEqual(before);
    expect(await here.meta.get('valuation')).toBeUndefined();
  });

  it('restores the readable actions of a file that holds malformed ones, and says how many it skipped', async () => {
    const ts = noonDaysAgo(2);
    const file = {
      format: BACKUP_FORMAT,
      version: 1,
      schemaVersion: 2,
      exportedAt: new Date().toISOString(),
      extensionVersion: '0.1.0',
      settings: {},
      events: [
        { kind: 'reaction', platform: 'youtube', detail: 'like', ts, signal: 'dom' },
        { kind: 7, platform: 'youtube', detail: 'like', ts: ts + 1, signal: 'dom' },
        { kind: 'reaction', platform: 'youtube', detail: 'like', ts: '1700000000000', signal: 'dom' },
        { kind: 'vote', platform: 'reddit', detail: 'up', ts: ts + 2, signal: 'network' },
      ],
    };
    const result = await importBackup(here, JSON.stringify(file), 'en');
    expect(result).toMatchObject({ ok: true, added: 2, duplicates: 0, skipped: { unreadable: 2 } });
    expect(await here.events.count()).toBe(2);
  });

  it('skips, and reports, actions older than the history kept here (they would be deleted at once)', async () => {
    await saveTracking(here, { disabled: [], privateWindows: false, retentionDays: 30 });
    await ingest(there, [like(noonDaysAgo(3)), like(noonDaysAgo(45) + DAY / 4)]);
    const result = await importBackup(here, JSON.stringify(await exportBackup(there, '0.1.0', 'en')), 'en');
    expect(result).toMatchObject({ ok: true, added: 1, duplicates: 0, skipped: { unreadable: 0, retention: 1 } });
  });
});

describe('the settings of the file: a separate step, one setting at a time', () => {
  it('lists each setting that differs, with how many actions the file’s retention would delete', async () => {
    await fiftyOldActions(here);
    const result = await importBackup(here, await foreignBackup(), 'en');
    if (!result.ok) throw new Error(result.error);
    const diffs = await settingsDifferences(here, result.settings, 'en');
    expect(diffs.map((d) => d.key)).toEqual(['microRate', 'fairRate', 'disabled', 'retentionDays', 'privateWindows', 'badge']);
    expect(diffs.find((d) => d.key === 'retentionDays')).toMatchObject({
      current: { days: undefined },
      file: { days: 30 },
      wouldDelete: 50,
    });
    expect(diffs.find((d) => d.key === 'disabled')).toMatchObject({
      current: { platforms: [] },
      file: { platforms: ['tiktok', 'x'] },
    });
    expect(await here.events.count()).toBe(51); // looking deletes nothing
  });

  it('applies only what the user ticked, and nothing when nothing is ticked', async () => {
    await fiftyOldActions(here);
    const result = await importBackup(here, await foreignBackup(), 'en');
    if (!result.ok) throw new Error(result.error);
    expect(await applyFileSettings(here, result.settings, [], 'en')).toEqual({ trackingChanged: false, weeklyRefused: false });
    expect(await loadTracking(here)).toEqual({ disabled: [], privateWindows: false });
    expect(await applyFileSettings(here, result.settings, ['badge', 'fairRate'], 'en')).toEqual({
      trackingChanged: true,
      weeklyRefused: false,
    });
    expect(await loadTracking(here)).toEqual({ disabled: [], privateWindows: false, badge: true });
    expect((await here.meta.get('valuation'))?.value).toEqual({ microPresetId: 'mturk-median', fairPresetId: 'uk-nlw' });
    expect(await here.events.count()).toBe(51);
    // What was applied no longer shows as a difference; the rest still does.
    expect((await settingsDifferences(here, result.settings, 'en')).map((d) => d.key)).toEqual([
      'microRate',
      'disabled',
      'retentionDays',
      'privateWindows',
    ]);
  });

  it('carries the interface language: offered apart, applied only when ticked; an unknown one is left out', async () => {
    fakeBrowser.reset();
    await saveLanguageChoice('fr');
    const file = await exportBackup(there, '0.1.0', 'en');
    expect(file.settings.language).toBe('fr');
    await saveLanguageChoice(undefined); // this browser follows its own language
    const result = await importBackup(here, JSON.stringify(file), 'en');
    if (!result.ok) throw new Error(result.error);
    expect(result.settings.language).toBe('fr');
    const diff = (await settingsDifferences(here, result.settings, 'en')).find((d) => d.key === 'language');
    expect(diff).toMatchObject({ current: { lang: 'browser' }, file: { lang: 'fr' } });
    await applyFileSettings(here, result.settings, ['badge'], 'en');
    expect(await loadLanguageChoice()).toBeUndefined(); // not ticked: not applied
    await applyFileSettings(here, result.settings, ['language'], 'en');
    expect(await fakeBrowser.storage.local.get(LANGUAGE_KEY)).toEqual({ [LANGUAGE_KEY]: 'fr' });
    const unknown = await importBackup(here, JSON.stringify({ ...file, settings: { ...file.settings, language: 'de' } }), 'en');
    expect(unknown.ok && unknown.settings.language).toBeUndefined();
    fakeBrowser.reset();
  });

  it('carries the weekly look back: offered apart, applied only when ticked, a notification asked for at that click', async () => {
    await chooseWeekly(there, 'notify', grant(true)).answered;
    const file = await exportBackup(there, '0.1.0', 'en');
    expect(file.settings.weekly).toBe('notify');
    const result = await importBackup(here, JSON.stringify(file), 'en');
    if (!result.ok) throw new Error(result.error);
    expect(result.settings.weekly).toBe('notify');
    const diff = (await settingsDifferences(here, result.settings, 'en')).find((d) => d.key === 'weekly');
    expect(diff).toMatchObject({ current: { mode: 'off' }, file: { mode: 'notify' } });
    await applyFileSettings(here, result.settings, ['badge'], 'en', grant(true));
    expect(modeOf(await loadWeekly(here))).toBe('off'); // not ticked: not applied
    // The browser refuses notifications: the look back comes as the popup's card, and the caller is told.
    const refused = await applyFileSettings(here, result.settings, ['weekly'], 'en', grant(false));
    expect(refused.weeklyRefused).toBe(true);
    expect(modeOf(await loadWeekly(here))).toBe('card');
    const granted = await applyFileSettings(here, result.settings, ['weekly'], 'en', grant(true));
    expect(granted.weeklyRefused).toBe(false);
    expect(modeOf(await loadWeekly(here))).toBe('notify');
    const odd = await importBackup(here, JSON.stringify({ ...file, settings: { ...file.settings, weekly: 'daily' } }), 'en');
    expect(odd.ok && odd.settings.weekly).toBeUndefined();
  });

  it('a file with no settings, or the same settings, offers nothing', async () => {
    const result = await importBackup(here, JSON.stringify(await exportBackup(here, '0.1.0', 'en')), 'en');
    if (!result.ok) throw new Error(result.error);
    expect(await settingsDifferences(here, result.settings, 'en')).toEqual([]);
    expect(await settingsDifferences(here, {}, 'en')).toEqual([]);
  });
});
