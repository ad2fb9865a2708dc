import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_SCHEMA_VERSION } from '@/lib/research/format';
import { launch, openPopup, resetDb, root, type SeedEvent, type Session, seedEvents } from './harness';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

const HOUR = 3_600_000;

/** Noon, `daysAgo` days before today, local time. */
function noon(daysAgo: number): number {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - daysAgo, 12).getTime();
}

const dayOf = (ts: number) => {
  const d = new Date(ts);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const study = (over: Record<string, unknown> = {}) => ({
  format: 'clickwork-meter/study',
  version: 1,
  id: 'everyday-clickwork',
  title: 'Everyday click-work <script>alert(1)</script>',
  researcher: 'Dr. Example, Université Exemple',
  contact: 'clickwork-study@university.invalid',
  consent: {
    version: '3',
    text: 'We study unpaid click-work.\n<img src=x onerror="document.title=\'pwned\'">\nYou may withdraw at any time.',
  },
  granularity: 'day',
  startDate: dayOf(noon(30)),
  endDate: dayOf(noon(-60)),
  platforms: ['youtube', 'reddit', 'recaptcha'],
  ...over,
});

describe('research study', () => {
  it('joins a study, shows the researcher’s text as text, reviews rows, drops one, and saves files that validate', async () => {
    await resetDb(s);
    const popup = await openPopup(s);
    const secret = { host: 'secret-host.example', targetKey: 'SECRET-TARGET-KEY' };
    const seed: SeedEvent[] = [
      { kind: 'reaction', platform: 'youtube', detail: 'like', ts: noon(3) },
      { kind: 'reaction', platform: 'youtube', detail: 'like', ts: noon(3) + HOUR },
      { kind: 'vote', platform: 'reddit', detail: 'up', ts: noon(2) },
      { kind: 'captcha', platform: 'recaptcha', detail: 'challenge', ts: noon(1), durationMs: 14_000 },
      { kind: 'reaction', platform: 'x', detail: 'like', ts: noon(1) }, // not a platform of the study
      { kind: 'vote', platform: 'reddit', detail: 'down', ts: noon(40) }, // before the study period
    ].map((e) => ({ ...e, ...secret }) as SeedEvent);
    await seedEvents(popup, seed);

    const page = await s.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`chrome-extension://${s.extensionId}/research.html`);
    await page.getByTestId('no-study').waitFor();

    // A malformed study is refused with its reason.
    await page.getByTestId('study-text').fill(JSON.stringify(study({ platforms: ['youtube', 'myspace'] })));
    await page.getByTestId('study-read').click();
    expect(await page.getByTestId('study-error').textContent()).toBe(
      'This study file was refused: “myspace” is not a platform Clickwork Meter knows.',
    );

    // A valid one, loaded from a file: its text is shown verbatim, never as markup.
    const studyPath = join(tmpdir(), `clickwork-study-${Date.now()}.json`);
    writeFileSync(studyPath, JSON.stringify(study()));
    await page.getByTestId('study-file').setInputFiles(studyPath);
    const preview = page.getByTestId('study-preview');
    await preview.waitFor();
    expect(await preview.locator('h3').textContent()).toBe('Everyday click-work <script>alert(1)</script>');
    expect(await page.getByTestId('study-consent').textContent()).toContain('<img src=x onerror=');
    expect(await page.locator('img, script:not([src])').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    await expect(page.getByTestId('study-join').isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: 'test-results/research-consent.png', fullPage: true });
    await page.getByTestId('study-agree').check();
    await page.getByTestId('study-join').click();
    const enrolment = page.getByTestId('enrolment');
    await enrolment.waitFor();
    const pseudonym = (await page.getByTestId('pseudonym').textContent()) as string;
    expect(pseudonym).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // Review: one row per day × platform × kind × detail of the study; drop the reddit row.
    await page.getByTestId('study-review').click();
    const table = page.getByTestId('review-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    expect(await page.getByTestId('review-counts').textContent()).toBe('3 rows: 3 kept, 0 removed.');
    await page.getByRole('checkbox', { name: /Reddit/ }).uncheck();
    expect(await page.getByTestId('review-counts').textContent()).toBe('3 rows: 2 kept, 1 removed.');
    await page.screenshot({ path: 'test-results/research-review.png', fullPage: true });

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-study-json').click()]);
    expect(json.suggestedFilename()).toBe(`clickwork-everyday-clickwork-${pseudonym}.json`);
    const jsonText = readFileSync((await json.path()) as string, 'utf8');
    const file = JSON.parse(jsonText);
    const schema = JSON.parse(readFileSync(join(root, `docs/research/export-v${EXPORT_SCHEMA_VERSION}.schema.json`), 'utf8'));
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(file).toMatchObject({
      study_id: 'everyday-clickwork',
      participant: pseudonym,
      consent_version: '3',
      consent_day: dayOf(Date.now()),
      extension_version: '0.1.0',
      granularity: 'day',
      dropped_rows: 1,
    });
    expect(
      file.rows.map((r: Record<string, unknown>) => [r.day, r.platform, r.kind, r.detail, r.count, r.measured_seconds]),
    ).toEqual([
      [dayOf(noon(3)), 'youtube', 'reaction', 'like', 2, 0],
      [dayOf(noon(1)), 'recaptcha', 'captcha', 'challenge', 1, 14],
    ]);
    for (const forbidden of ['secret-host', 'SECRET-TARGET', String(noon(3)), '"ts"', '"host"'])
      expect(jsonText).not.toContain(forbidden);

    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-study-csv').click()]);
    expect(zip.suggestedFilename()).toBe(`clickwork-everyday-clickwork-${pseudonym}.zip`);
    const entries = unzipSync(readFileSync((await zip.path()) as string));
    const pkg = JSON.parse(strFromU8(entries['datapackage.json'] as Uint8Array));
    const csv = strFromU8(entries[pkg.resources[0].path] as Uint8Array)
      .trim()
      .split('\n');
    expect(csv[0]).toBe(pkg.resources[0].schema.fields.map((f: { name: string }) => f.name).join(','));
    expect(csv).toHaveLength(3);
    expect(pkg['clickwork-meter/anonymised-export']).toMatchObject({ participant: pseudonym, dropped_rows: 1 });
    expect(await page.getByTestId('review-saved').textContent()).toBe(
      'Saved: 2 rows, 1 removed. Give the file to the researcher yourself.',
    );

    // Withdraw: the pseudonym and study settings are gone; the history stays.
    await page.getByTestId('study-leave').click();
    await page.getByTestId('study-leave-confirm').click();
    await page.getByTestId('no-study').waitFor();
    const meta = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('clickwork');
          open.onsuccess = () => {
            const req = open.result.transaction('meta').objectStore('meta').getAll();
            req.onsuccess = () => resolve(JSON.stringify(req.result));
          };
        }),
    );
    expect(meta).not.toContain(pseudonym);
    expect(meta).not.toContain('everyday-clickwork');
    expect(errors).toEqual([]);
    await page.close();
    await popup.close();
  });
});
