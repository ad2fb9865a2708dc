import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinFragment } from '@/lib/research/study-extras';
import { launch, openPopup, resetDb, type Session, seedEvents } from './harness';
import { allowSiteInSettings, hasOpenssl, reachLocalServer, type StudyServer, startStudyServer } from './study-server';

/**
 * Sending a reviewed file to a study's https server, for real: a server started here on 127.0.0.1
 * (self-signed certificate, Chromium told to accept it; production code accepts https only).
 */
const DAY = 86_400_000;
const dayOf = (ts: number) => new Date(ts - new Date(ts).getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
const noon = (daysAgo: number) => {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - daysAgo, 12).getTime();
};

const studyFile = (endpoint: string) =>
  JSON.stringify({
    format: 'clickwork-meter/study',
    version: 1,
    id: 'everyday-clickwork-2027',
    title: 'Everyday click-work: how much unpaid labor do platform users give?',
    researcher: 'Example Lab, Example University',
    contact: 'clickwork-study@example.org',
    consent: {
      version: '1.0',
      text: 'This study measures how much unpaid click-work people do on platforms.\n\nYou may remove any row before sending, stop at any time, and ask us to delete your data.',
    },
    granularity: 'day',
    platforms: ['youtube', 'reddit', 'google-maps', 'recaptcha'],
    // Votes leave by the ISO week only (a disclosure rule the review shows and the file carries).
    disclosure: [{ kinds: ['vote'], granularity: 'week' }],
    startDate: dayOf(noon(14)),
    endDate: dayOf(Date.now() + 90 * DAY),
    ethics: {
      approval: 'Example University ethics board, ref. EUEB-2026-117',
      data_protection: 'dpo@example.org',
      retention: 'Files are deleted five years after the study ends.',
    },
    endpoint,
  });

const PANEL = 'PROLIFIC_5f3a9c0e11d2';
// Without openssl (it makes the server's certificate) the tests are skipped with a line saying so,
// except in CI, which installs it (.ci/run) and must run them.
const skip = !hasOpenssl() && !process.env.CI;
if (skip) console.warn('Study-sending tests skipped: no openssl (apt-get install openssl).');
let s: Session;
let server: StudyServer;
beforeAll(async () => {
  if (skip) return;
  server = await startStudyServer();
  s = await launch({ ...reachLocalServer(server.port), lang: process.env.STUDY_SEND_LANG });
});
afterAll(async () => {
  await s?.close();
  await server?.close();
});

const toServer = () => s.requests.filter((r) => r.url.startsWith(`https://127.0.0.1:${server.port}/`));

/** A fresh profile state: no study, a few actions in the study's period; opened from a join link. */
async function joinFromLink(): Promise<Page> {
  await resetDb(s);
  const popup = await openPopup(s);
  await seedEvents(popup, [
    { kind: 'reaction', platform: 'youtube', detail: 'like', ts: noon(3) },
    { kind: 'vote', platform: 'reddit', detail: 'up', ts: noon(2) },
    { kind: 'captcha', platform: 'recaptcha', detail: 'challenge', ts: noon(1), durationMs: 9_000 },
  ]);
  // No study joined (resetDb keeps the meta table).
  await popup.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('clickwork');
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').delete('studies');
          tx.oncomplete = () => resolve(open.result.close());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await popup.close();
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/research.html#${joinFragment(studyFile(server.url), PANEL)}`);
  await page.getByTestId('study-preview').waitFor();
  return page;
}

async function joinAndReview(page: Page): Promise<void> {
  await page.getByTestId('study-agree').check();
  await page.getByTestId('study-join').click();
  await page.getByTestId('enrolment').waitFor();
  await page.getByTestId('study-review').click();
  await page
    .getByTestId('file-sha256')
    .filter({ hasText: /^[0-9a-f]{64}$/ })
    .waitFor();
}

/** Gives back the study site's access (a retried test starts without it). */
async function revokeSite(page: Page): Promise<void> {
  const api = 'globalThis.chrome.permissions';
  await page.evaluate(`${api}.remove({ origins: ['https://127.0.0.1/*'] })`);
  expect(await page.evaluate(`${api}.contains({ origins: ['https://127.0.0.1/*'] })`)).toBe(false);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/participant-${name}-${process.env.STUDY_SEND_LANG ?? 'en'}.png`, fullPage: true });

describe.skipIf(skip)('sending a file to the study', () => {
  it('sends nothing before the click, nor while the browser’s prompt is unanswered; a refusal and a time-out record nothing', async () => {
    server.reset();
    const page = await joinFromLink();
    await shot(page, 'joining');
    await joinAndReview(page);
    await shot(page, 'joined');
    await revokeSite(page);
    const before = toServer().length;
    // Headless Chromium never answers the permission prompt: nothing may leave meanwhile.
    await page.getByTestId('study-send').click();
    await page.waitForTimeout(1500);
    expect(server.received).toEqual([]);
    expect(toServer().length).toBe(before);
    await page.reload();
    await page.getByTestId('study-review').click();
    await allowSiteInSettings(s, 'https://127.0.0.1/*');

    server.mode = 'refuse';
    await page.getByTestId('study-send').click();
    await page.getByTestId('send-status').filter({ hasText: '403' }).waitFor();
    expect(await page.getByTestId('study-receipts').count()).toBe(0);

    server.mode = 'hang';
    await page.getByTestId('study-send').click();
    await page.getByTestId('send-status').filter({ hasText: /15/ }).waitFor({ timeout: 25_000 });
    expect(await page.getByTestId('study-receipts').count()).toBe(0);

    server.mode = 'accept';
    await page.getByTestId('study-send').click();
    await page.getByTestId('study-receipts').waitFor();
    const keys = server.received.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1); // the same file each time: the server can tell
    await page.close();
  });

  it('join from a link with a panel id → review → send → receipt kept → leave with a withdrawal request the server receives', async () => {
    server.reset();
    const earlier = toServer().length; // the session's earlier tests
    const page = await joinFromLink();
    expect(await page.getByTestId('study-panel-id').textContent()).toContain(PANEL);
    expect(await page.getByTestId('study-ethics-approval').textContent()).toBe(
      'Example University ethics board, ref. EUEB-2026-117',
    );
    expect(await page.getByTestId('study-past-history').isVisible()).toBe(true);
    expect(await page.getByTestId('study-preview').textContent()).toContain('Google Maps');
    await joinAndReview(page);
    expect(await page.getByTestId('panel-id').textContent()).toBe(PANEL);
    expect(await page.getByTestId('file-panel_id').textContent()).toBe(PANEL);
    expect(await page.getByTestId('file-dropped_rows').textContent()).toBe('0');
    expect(await page.getByTestId('rule-effect').count()).toBeGreaterThan(0); // the rule's effect, shown before sending
    await shot(page, 'review');
    expect(toServer().length).toBe(earlier); // nothing before the click
    expect(server.received).toEqual([]);

    const sha = (await page.getByTestId('file-sha256').textContent()) as string;
    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-study-json').click()]);
    const savedBytes = readFileSync((await saved.path()) as string);
    await allowSiteInSettings(s, 'https://127.0.0.1/*');
    await page.getByTestId('study-send').dblclick();
    await page.getByTestId('send-status').filter({ hasText: 'R-0001' }).waitFor();
    expect(server.received).toHaveLength(1);
    const [got] = server.received;
    expect(got?.method).toBe('POST');
    expect(got?.headers['idempotency-key']).toBe(sha);
    expect(got?.headers.cookie).toBeUndefined();
    expect(
      createHash('sha256')
        .update(got?.body as Buffer)
        .digest('hex'),
    ).toBe(sha);
    expect(got?.body.equals(savedBytes)).toBe(true); // exactly the bytes reviewed and saved
    const sent = JSON.parse(String(got?.body));
    expect(sent).toMatchObject({ panel_id: PANEL, disclosure: [{ kinds: ['vote'], granularity: 'week' }] });
    const grains = sent.rows.map((r: { kind: string; grain: string }) => `${r.kind}:${r.grain}`).sort();
    expect(grains).toEqual(['captcha:day', 'reaction:day', 'vote:week']);
    await page.getByTestId('study-receipts').filter({ hasText: 'R-0001' }).waitFor();
    await shot(page, 'sent');

    // The same file again: refused here, nothing sent.
    await page.getByTestId('study-send').click();
    await page
      .getByTestId('send-status')
      .filter({ hasText: /already|déjà/ })
      .waitFor();
    expect(server.received).toHaveLength(1);
    // Kept across a reload.
    await page.reload();
    await page.getByTestId('study-receipts').filter({ hasText: 'R-0001' }).waitFor();

    await page.getByTestId('study-leave').click();
    expect(await page.getByTestId('leave-pseudonym').textContent()).toMatch(/^[0-9a-f-]{36}$/);
    const pseudonym = (await page.getByTestId('leave-pseudonym').textContent()) as string;
    expect(await page.getByTestId('study-withdraw').isChecked()).toBe(true);
    await page.getByTestId('study-leave-confirm').click();
    await page.getByTestId('no-study').waitFor();
    expect(server.received).toHaveLength(2);
    expect(JSON.parse(String(server.received[1]?.body))).toMatchObject({
      format: 'clickwork-meter/withdrawal-request',
      study_id: 'everyday-clickwork-2027',
      participant: pseudonym,
      panel_id: PANEL,
      request: 'withdraw-and-delete',
    });
    expect(await page.getByTestId('study-status').textContent()).toContain('R-0002');
    await page.close();
  });
});
