// Draws the toolbar and store icons: assets/icon.svg (and icon-16.svg) rasterized by Chromium (playwright-core, already
// a dev dependency) to public/icon/{16,32,48,128}.png, which the manifest and the pages' favicons use.
// `node scripts/icons.mjs --preview` also writes test-results/icon-preview.png: every size on a light
// and a dark toolbar, with and without a badge, to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findBrowser } from './find-browser.mjs';

const root = resolve(import.meta.dirname, '..');
const SIZES = [16, 32, 48, 128];
// 16 px has its own drawing on the pixel grid (scaled down, the large one blurs); the rest scale icon.svg.
const source = (size) => readFileSync(resolve(root, size === 16 ? 'assets/icon-16.svg' : 'assets/icon.svg'));
const dataUrl = (size) => `data:image/svg+xml;base64,${source(size).toString('base64')}`;

const executablePath = findBrowser('chrome');
if (!executablePath) throw new Error('No Chromium found: apt-get install chromium, or set CHROMIUM_PATH.');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  mkdirSync(resolve(root, 'public/icon'), { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${dataUrl(size)}" width="${size}" height="${size}">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: resolve(root, `public/icon/${size}.png`), omitBackground: true });
    console.log(`public/icon/${size}.png`);
  }
  if (process.argv.includes('--preview')) await preview(page);
} finally {
  await browser.close();
}

/** Each size on a light and a dark toolbar, plain and with a badge like the background's (#0b57d0). */
async function preview(page) {
  const row = (bg, badge) =>
    `<div style="background:${bg};display:flex;gap:24px;align-items:flex-end;padding:16px">${SIZES.map(
      (s) =>
        `<span style="position:relative;display:inline-block"><img src="data:image/png;base64,${readFileSync(resolve(root, `public/icon/${s}.png`)).toString('base64')}" width="${s}" height="${s}" style="image-rendering:pixelated">${
          badge
            ? `<b style="position:absolute;right:-6px;bottom:-4px;background:#0b57d0;color:#fff;font:bold ${Math.max(9, s / 3)}px sans-serif;padding:0 3px;border-radius:4px">42</b>`
            : ''
        }</span>`,
    ).join('')}</div>`;
  const html = ['#f1f3f4', '#ffffff', '#202124', '#35363a'].flatMap((bg) => [row(bg, false), row(bg, true)]).join('');
  await page.setViewportSize({ width: 420, height: 8 * 160 });
  await page.setContent(`<body style="margin:0">${html}</body>`);
  mkdirSync(resolve(root, 'test-results'), { recursive: true });
  await page.screenshot({ path: resolve(root, 'test-results/icon-preview.png'), fullPage: true });
  console.log('test-results/icon-preview.png');
}
