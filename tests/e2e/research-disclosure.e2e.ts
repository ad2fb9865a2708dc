import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_SCHEMA_VERSION } from '@/lib/research/format';
import { launch, openPopup, resetDb, root, type SeedEvent, type Session, seedEvents } from './harness';

/** A study by the ISO week whose comments get noise and rounding: shown before consent, its effect on the review, and in the file. */
let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

const HOUR = 3_600_000;
function noon(daysAgo: number): number {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - daysAgo, 12).getTime();
}
const dayOf = (ts: number) => {
  const d = new Date(ts);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
/** The local date of the Monday of the ISO week holding ts. */
const mondayOf = (ts: number) => {
  const d = new Date(ts);
  return dayOf(new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7), 12).getTime());
};

const study = {
  format: 'clickwork-meter/study',
  version: 1,
  id: 'public-traces',
  title: 'Public traces of everyday click-work',
  researcher: 'Dr. Example, Université Exemple',
  contact: 'traces-study@university.invalid',
  consent: { version: '1', text: 'We study how often people comment and react.' },
  granularity: 'week',
  startDate: dayOf(noon(20)),
  endDate: dayOf(noon(-60)),
  platforms: ['youtube', 'reddit'],
  disclosure: [{ kinds: ['comment'], noise: { mechanism: 'geometric', epsilon: 1 }, round_to: 5 }],
};

describe('research study with disclosure rules', () => {
  it('shows the rules before consent, their effect on the review, and saves weekly rows with the rule applied', async () => {
    await resetDb(s);
    const popup = await openPopup(s);
    const seed: SeedEvent[] = [
      { kind: 'reaction', platform: 'youtube', detail: 'like', ts: noon(9) },
      { kind: 'reaction', platform: 'youtube', detail: 'like', ts: noon(2) },
      ...Array.from({ length: 12 }, (_, i) => ({
        kind: 'comment',
        platform: 'reddit',
        detail: 'comment',
        ts: noon(2) + i * 60_000,
      })),
      { kind: 'comment', platform: 'reddit', detail: 'comment', ts: noon(9) + HOUR },
    ] as SeedEvent[];
    await seedEvents(popup, seed);

    const page = await s.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`chrome-extension://${s.extensionId}/research.html`);
    await page.getByTestId('no-study').waitFor();
    // A bad rule is refused, naming it.
    const bad = { ...study, disclosure: [{ kinds: ['comment'], noise: { mechanism: 'geometric', epsilon: 0 } }] };
    await page.getByTestId('study-text').fill(JSON.stringify(bad));
    await page.getByTestId('study-read').click();
    expect(await page.getByTestId('study-error').textContent()).toBe(
      'This study file was refused: the field “disclosure[0].noise.epsilon” is not valid.',
    );
    await page.getByTestId('study-text').fill(JSON.stringify(study));
    await page.getByTestId('study-read').click();
    await page.getByTestId('study-preview').waitFor();
    expect(await page.getByTestId('study-granularity').textContent()).toBe('counts per week (ISO week, Monday to Sunday)');
    const rules = (await page.getByTestId('study-disclosure').textContent()) as string;
    expect(rules).toContain('ε = 1');
    expect(rules).toContain('rounded to a multiple of 5');
    await page.getByTestId('study-agree').check();
    await page.getByTestId('study-join').click();
    await page.getByTestId('enrolment').waitFor();

    await page.getByTestId('study-review').click();
    await page.getByTestId('review-table').waitFor();
    const effect = (await page.getByTestId('rule-effect').textContent()) as string;
    // Two weeks of comments (1 and 12), before the rule; after it, multiples of 5.
    const m = /: rows (\d+) → (\d+) .*actions (\d+) → (\d+)$/.exec(effect);
    expect(m, effect).not.toBeNull();
    const [, before, , totalBefore, totalAfter] = (m as RegExpExecArray).map(Number);
    const weeks = new Set([mondayOf(noon(9) + HOUR), mondayOf(noon(2))]).size;
    expect(before).toBe(weeks);
    expect(totalBefore).toBe(13);
    expect((totalAfter as number) % 5).toBe(0);
    expect(await page.getByTestId('review-span').first().textContent()).toMatch(/^week \d{4}-W\d{2} \(from /);
    await page.screenshot({ path: 'test-results/research-disclosure-review.png', fullPage: true });

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-study-json').click()]);
    const file = JSON.parse(readFileSync((await json.path()) as string, 'utf8'));
    const schema = JSON.parse(readFileSync(join(root, `docs/research/export-v${EXPORT_SCHEMA_VERSION}.schema.json`), 'utf8'));
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(file).toMatchObject({ schema_version: 4, granularity: 'week', disclosure: study.disclosure });
    type Row = { grain: string; day: string; kind: string; count: number; measured_count: number };
    const rows = file.rows as Row[];
    expect(rows.every((r) => r.grain === 'week')).toBe(true);
    const likes = rows.filter((r) => r.kind === 'reaction');
    const likeWeeks = new Map<string, number>();
    for (const ts of [noon(9), noon(2)]) likeWeeks.set(mondayOf(ts), (likeWeeks.get(mondayOf(ts)) ?? 0) + 1);
    expect(new Map(likes.map((r) => [r.day, r.count]))).toEqual(likeWeeks);
    const comments = rows.filter((r) => r.kind === 'comment');
    expect(comments.every((r) => r.count % 5 === 0 && r.measured_count === 0)).toBe(true);
    // The file holds what the review showed.
    expect(comments.reduce((n, r) => n + r.count, 0)).toBe(totalAfter);
    expect(errors).toEqual([]);
    await page.close();
    await popup.close();
  });
});
