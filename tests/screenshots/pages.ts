import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, type Session, settle } from '../e2e/harness';
import { type MonthEvent, plausibleMonth } from './month';

const DAY = 86_400_000;
const isoDay = (ts: number) => {
  const d = new Date(ts);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export const pageUrl = (s: Session, name: string) => `chrome-extension://${s.extensionId}/${name}.html`;

/**
 * Chromium sometimes starts an extension whose pages get no messages at all (getMessage answers '' and
 * the pages show their keys; seen in 3 of about 10 launches on 2026-12-01, reloading does not help):
 * such a browser is closed and another one started.
 */
export async function launchWithMessages(options: Parameters<typeof launch>[0] = {}): Promise<Session> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const s = await launch(options);
    const page = await s.context.newPage();
    await page.goto(pageUrl(s, 'data'));
    const name = await page.evaluate(() =>
      (globalThis as unknown as { chrome: { i18n: { getMessage(k: string): string } } }).chrome.i18n.getMessage('extName'),
    );
    await page.close();
    if (name) return s;
    console.warn('[screenshots] the extension started without its messages: starting the browser again');
    await s.close();
  }
  throw new Error('the extension pages have no messages (i18n catalogue not loaded) in 3 launches');
}

/** Restores the month (or other events) through the data page, as a user restoring a backup would: the extension's own code stores it. */
export async function restoreMonth(s: Session, events: MonthEvent[] = plausibleMonth()): Promise<number> {
  const file = join(tmpdir(), `clickwork-screenshots-${Date.now()}.json`);
  const backup = {
    format: 'clickwork-meter/personal-backup',
    version: 1,
    schemaVersion: 4,
    exportedAt: new Date().toISOString(),
    extensionVersion: '0.1.0',
    settings: {},
    events,
  };
  writeFileSync(file, JSON.stringify(backup));
  const data = await s.context.newPage();
  await data.goto(pageUrl(s, 'data'));
  await data.getByTestId('import-file').setInputFiles(file);
  const result = data.getByTestId('import-result');
  await result.waitFor({ timeout: 20_000 });
  const text = (await result.textContent()) ?? '';
  if (!text.includes(`${events.length}`)) throw new Error(`the month was not restored whole: ${text}`);
  await data.close();
  return events.reduce((n, e) => n + (e.count ?? 1), 0);
}

const STUDY_TEXT = {
  en: {
    title: 'Everyday click-work, spring 2027',
    consent:
      'This study looks at the unpaid work people do on online platforms. For eight weeks you will save a file ' +
      'of your daily counts and send it to us. Only counts per day, platform and kind are in the file.\n' +
      'You may withdraw at any time by writing to the contact above; your files are then deleted.',
    retention: 'Files are kept until the end of 2029, then deleted.',
  },
  fr: {
    title: 'Le travail du clic au quotidien, printemps 2027',
    consent:
      'Cette étude porte sur le travail non payé que chacun fait sur les plateformes. Pendant huit semaines, vous ' +
      'enregistrez un fichier de vos comptes par jour et nous le remettez. Il ne contient que des comptes par jour, ' +
      'plateforme et type.\nVous pouvez vous retirer à tout moment en écrivant au contact ci-dessus ; vos fichiers ' +
      'sont alors effacés.',
    retention: 'Les fichiers sont gardés jusqu’à fin 2029, puis effacés.',
  },
};

/** A study as a university lab would hand it out, in the participants' language. */
export function realisticStudy(lang: 'en' | 'fr' = 'en'): Record<string, unknown> {
  const now = Date.now();
  const text = STUDY_TEXT[lang];
  return {
    format: 'clickwork-meter/study',
    version: 1,
    id: 'everyday-clickwork-2027',
    title: text.title,
    researcher: 'Dr. Camille Laurent, Digital Labour Lab, Université de Lyon',
    contact: 'clickwork-study@univ-lyon.example',
    consent: { version: '2', text: text.consent },
    ethics: { approval: 'CER Lyon 2027-014', data_protection: 'dpo@univ-lyon.example', retention: text.retention },
    granularity: 'day',
    startDate: isoDay(now - 28 * DAY),
    endDate: isoDay(now + 28 * DAY),
    platforms: ['youtube', 'instagram', 'x', 'reddit', 'amazon', 'chatgpt', 'recaptcha'],
    // Public posts have public times: reviews and shares leave by the week only (the review shows it).
    disclosure: [{ kinds: ['review', 'share'], granularity: 'week' }],
  };
}

/** Joins the study on the research page (consent read and agreed); leaves the page open, joined. */
export async function joinStudy(s: Session, lang: 'en' | 'fr' = 'en'): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(pageUrl(s, 'research'));
  await page.getByTestId('no-study').waitFor();
  await page.getByTestId('study-text').fill(JSON.stringify(realisticStudy(lang)));
  await page.getByTestId('study-read').click();
  await page.getByTestId('study-preview').waitFor();
  await page.getByTestId('study-agree').check();
  await page.getByTestId('study-join').click();
  await page.getByTestId('enrolment').waitFor();
  return page;
}

/** A few actions on the practice page, as a class trying it would make. */
export async function practise(page: Page): Promise<void> {
  const click = async (id: string) => {
    await page.getByTestId(id).click();
    await page.waitForTimeout(150);
  };
  await click('p-like');
  await click('p-up');
  await click('p-star-4');
  await page.getByTestId('p-review-text').pressSequentially('Sturdy, arrived on time.', { delay: 20 });
  await click('p-review-post');
  await click('p-tag-yes');
  await click('p-captcha');
  await click('p-tile-1');
  await click('p-verify');
  await click('p-good');
  await settle(page, 1_000);
}

/** The Chrome Web Store's screenshot size (Firefox's listing accepts it too). */
export const STORE_SIZE = { width: 1280, height: 800 };

/** Shows PNGs (base64) side by side, centred on a neutral background at `size`, scaled down to fit, and saves that picture. */
export async function framed(s: Session, pngs: string[], path: string, size = STORE_SIZE, shadow = true): Promise<void> {
  const frame = await s.context.newPage();
  await frame.setViewportSize(size);
  const look = shadow ? 'border-radius:8px;box-shadow:0 4px 24px rgba(0,0,0,.25)' : '';
  const images = pngs.map(
    (png) => `<img alt="" style="max-width:${100 / pngs.length}%;max-height:100%;${look}" src="data:image/png;base64,${png}">`,
  );
  await frame.setContent(
    '<body style="margin:0;height:100vh;display:flex;gap:48px;align-items:center;justify-content:center;' +
      `background:#e8eaed">${images.join('')}</body>`,
  );
  for (const img of await frame.locator('img').all()) await img.evaluate((i: HTMLImageElement) => i.decode());
  await frame.screenshot({ path });
  await frame.close();
}

/** A page seen in a larger window (1600×1000), pictured at the store's size: more of it fits. */
export async function storeShot(s: Session, page: Page, path: string): Promise<void> {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await settle(page, 600);
  await framed(s, [(await page.screenshot()).toString('base64')], path, STORE_SIZE, false);
}

/** The popup as a store picture: its own page at the popup's size, its top and its end side by side on a neutral background. */
export async function popupPicture(s: Session, path: string): Promise<void> {
  const popup = await s.context.newPage();
  await popup.setViewportSize({ width: 400, height: STORE_SIZE.height - 40 });
  await popup.goto(pageUrl(s, 'popup'));
  await popup.locator('main[data-state="ready"]').waitFor();
  await settle(popup, 800);
  // The top down to the platform list's heading, and from there to the last line, side by side.
  const from = await popup
    .getByTestId('by-platform')
    .evaluate((list) => (list.previousElementSibling ?? list).getBoundingClientRect().top + window.scrollY - 12);
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  const most = STORE_SIZE.height - 40;
  const top = (await popup.screenshot({ clip: { x: 0, y: 0, width: 400, height: Math.min(from, most) } })).toString('base64');
  const clip = { x: 0, y: from, width: 400, height: Math.min(height - from, most) };
  const end = (await popup.screenshot({ fullPage: true, clip })).toString('base64');
  await popup.close();
  await framed(s, [top, end], path);
}
