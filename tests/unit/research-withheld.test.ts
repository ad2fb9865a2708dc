// @vitest-environment happy-dom
import { h, render } from 'preact';
import { expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ingest, type Sighting } from '@/lib/db/ingest';
import { openDb } from '@/lib/db/open';
import { enrolments, joinStudy, leaveStudy, parseStudy, type Study } from '@/lib/research/study';

const tick = (ms = 50) => new Promise((r) => setTimeout(r, ms));

/** Waits (up to 10 s: a loaded machine) until `ready` holds; the page reads the database asynchronously. */
async function until(ready: () => unknown): Promise<void> {
  const end = Date.now() + 10_000;
  while (!ready()) {
    if (Date.now() > end) throw new Error('the page did not get there within 10 s');
    await tick(20);
  }
}
const studyText = JSON.stringify({
  format: 'clickwork-meter/study',
  version: 1,
  id: 'remembered-removals',
  title: 'Remembered',
  researcher: 'R',
  contact: 'C',
  consent: { version: '1', text: 'x' },
  granularity: 'day',
  startDate: '2026-01-01',
  endDate: '2099-12-31',
});
const like = (day: number): Sighting => ({
  platform: 'youtube',
  kind: 'reaction',
  detail: 'like',
  slot: 'none',
  op: 'add',
  signal: 'dom',
  ts: new Date(2026, 0, day, 9).getTime(),
});

/** The files the page saved (JSON form), read back from the Blob handed to the download. */
function captureDownloads(): unknown[] {
  const saved: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    saved.push(b as Blob);
    return 'blob:x';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  return saved;
}

async function openReview(root: HTMLElement) {
  const { ResearchPage } = await import('@/entrypoints/research/ResearchPage');
  render(h(ResearchPage, {}), root);
  await until(() => root.querySelector('[data-testid="study-review"]'));
  (root.querySelector('[data-testid="study-review"]') as HTMLButtonElement).click();
  await until(() => root.querySelector('[data-testid="review-keep"], [data-testid="review-empty"]'));
  return [...root.querySelectorAll('[data-testid="review-keep"]')] as HTMLInputElement[];
}

it('a removed row stays removed in every later file of the study until put back; the file counts it', async () => {
  const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string, s?: string[]): string; getUILanguage(): string };
  i18n.getMessage = (k, subs) => `${k}${subs?.length ? `(${subs.join('|')})` : ''}`;
  i18n.getUILanguage = () => 'en';
  const runtime = fakeBrowser.runtime as unknown as { getURL(p: string): string; getManifest(): { version: string } };
  runtime.getURL = (p) => p;
  runtime.getManifest = () => ({ version: '0.1.0' });
  const saved = captureDownloads() as Blob[];
  const db = openDb();
  await ingest(db, [like(10), like(12)]);
  await joinStudy(db, (parseStudy(studyText) as { study: Study }).study);
  const root = document.createElement('div');
  document.body.append(root);

  // First file: the participant removes 12 January.
  let boxes = await openReview(root);
  expect(boxes).toHaveLength(2); // 10 and 12 January, in that order
  const jan12 = boxes[1] as HTMLInputElement;
  jan12.checked = false;
  jan12.dispatchEvent(new Event('change', { bubbles: true }));
  await tick();
  (root.querySelector('[data-testid="export-study-json"]') as HTMLButtonElement).click();
  await until(() => saved.length === 1);
  render(null, root);

  // A month later (new activity), the page is opened again: the row is still removed.
  await ingest(db, [like(11)]);
  boxes = await openReview(root);
  const state = boxes.map((b) => b.checked);
  expect(state).toEqual([true, true, false]);
  (root.querySelector('[data-testid="export-study-json"]') as HTMLButtonElement).click();
  await until(() => saved.length === 2);
  const files = await Promise.all(saved.map(async (b) => JSON.parse(await b.text())));
  expect(files).toHaveLength(2);
  for (const f of files) {
    expect(f.rows.map((r: { day: string }) => r.day)).not.toContain('2026-01-12');
    expect(f.dropped_rows).toBe(1);
  }
  expect(files[1].rows.map((r: { day: string }) => r.day)).toEqual(['2026-01-10', '2026-01-11']);

  // Put back: the next file holds it again and withholds nothing.
  boxes = [...root.querySelectorAll('[data-testid="review-keep"]')] as HTMLInputElement[];
  (boxes[2] as HTMLInputElement).checked = true;
  boxes[2]?.dispatchEvent(new Event('change', { bubbles: true }));
  await tick();
  (root.querySelector('[data-testid="export-study-json"]') as HTMLButtonElement).click();
  await until(() => saved.length === 3);
  render(null, root);
  boxes = await openReview(root);
  expect(boxes.map((b) => b.checked)).toEqual([true, true, true]);
  const third = JSON.parse(await (saved[2] as Blob).text());
  expect(third.dropped_rows).toBe(0);
  expect(third.rows).toHaveLength(3);
  render(null, root);

  // Leaving forgets the removals with the pseudonym.
  const [e] = await enrolments(db);
  await leaveStudy(db, e?.study.id as string);
  expect((await db.meta.toArray()).map((m) => m.key).filter((k) => k.includes(e?.pseudonym as string))).toEqual([]);
});
