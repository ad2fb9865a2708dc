// @vitest-environment happy-dom
import { h, render } from 'preact';
import { expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ingest, type Sighting } from '@/lib/db/ingest';
import { openDb } from '@/lib/db/open';
import { joinStudy, parseStudy, type Study } from '@/lib/research/study';

const tick = (ms = 50) => new Promise((r) => setTimeout(r, ms));
const studyText = (id: string) =>
  JSON.stringify({
    format: 'clickwork-meter/study',
    version: 1,
    id,
    title: `Study ${id}`,
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

it('a removed row stays removed, and no other row is, when the page reloads its studies', async () => {
  const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string, s?: string[]): string; getUILanguage(): string };
  i18n.getMessage = (k, subs) => `${k}${subs?.length ? `(${subs.join('|')})` : ''}`;
  i18n.getUILanguage = () => 'en';
  const runtime = fakeBrowser.runtime as unknown as { getURL(p: string): string; getManifest(): { version: string } };
  runtime.getURL = (p) => p;
  runtime.getManifest = () => ({ version: '0.1.0' });
  const db = openDb();
  await ingest(db, [like(10), like(12)]);
  await joinStudy(db, (parseStudy(studyText('study-a')) as { study: Study }).study);
  const { ResearchPage } = await import('@/entrypoints/research/ResearchPage');
  const root = document.createElement('div');
  document.body.append(root);
  render(h(ResearchPage, {}), root);
  await tick(200);
  (root.querySelector('[data-testid="study-review"]') as HTMLButtonElement).click();
  await tick(200);
  const boxes = () => [...root.querySelectorAll('[data-testid="review-keep"]')] as HTMLInputElement[];
  const state = () =>
    boxes().map((b) => `${/\(([^|]*)/.exec(b.getAttribute('aria-label') ?? '')?.[1]}=${b.checked ? 'keep' : 'drop'}`);
  const jan12 = boxes().find((b) => b.getAttribute('aria-label')?.includes('12')) as HTMLInputElement;
  jan12.checked = false;
  jan12.dispatchEvent(new Event('change', { bubbles: true }));
  await tick();
  const before = state();
  expect(before.filter((x) => x.endsWith('=drop'))).toHaveLength(1);

  // New activity, then another study joined from the same page: the list of studies reloads.
  await ingest(db, [like(11)]);
  const text = root.querySelector('[data-testid="study-text"]') as HTMLTextAreaElement;
  text.value = studyText('study-b');
  text.dispatchEvent(new Event('input', { bubbles: true }));
  await tick();
  (root.querySelector('[data-testid="study-read"]') as HTMLButtonElement).click();
  await tick();
  const agree = root.querySelector('[data-testid="study-agree"]') as HTMLInputElement;
  agree.checked = true;
  agree.dispatchEvent(new Event('change', { bubbles: true }));
  await tick();
  (root.querySelector('[data-testid="study-join"]') as HTMLButtonElement).click();
  await tick(300);
  expect(root.querySelectorAll('[data-testid="enrolment"]')).toHaveLength(2);
  // The rows under review are those the participant reviewed, with the same one removed.
  expect(state()).toEqual(before);
  expect(root.querySelector('[data-testid="review-counts"]')?.textContent).toBe('reviewCounts(2|1|1)');
  render(null, root);
});
