import type { Page } from 'playwright-core';
import type { Session } from './harness';

/** The class-totals page, opened at a projector's size. */
export async function openClass(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(`chrome-extension://${session.extensionId}/class.html`);
  await page.locator('main').waitFor();
  return page;
}

/**
 * A folder `name` made afresh in the page's private file system with `files` ([path, text]: a
 * path may name subfolders), written `chunk` files at a time; and the folder chooser answering with
 * it (a real FileSystemDirectoryHandle, as Chromium's chooser returns).
 */
export async function folderForChooser(page: Page, name: string, files: [string, string][], chunk = 500): Promise<void> {
  await page.evaluate(
    (name) =>
      navigator.storage
        .getDirectory()
        .then((root) => root.removeEntry(name, { recursive: true }))
        .catch(() => {}),
    name,
  );
  for (let at = 0; at < files.length || at === 0; at += chunk) {
    await page.evaluate(
      async ({ name, part }) => {
        const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true });
        await Promise.all(
          part.map(async ([path, text]) => {
            const parts = path.split('/');
            let dir = folder;
            for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create: true });
            const w = await (await dir.getFileHandle(parts.at(-1) as string, { create: true })).createWritable();
            await w.write(text);
            await w.close();
          }),
        );
      },
      { name, part: files.slice(at, at + chunk) },
    );
  }
  await page.evaluate((name) => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle(name);
  }, name);
}

/** The class page's three charts, by test id. */
export const CHART_IDS = ['chart-kind', 'chart-platform', 'chart-beneficiary'] as const;

/** Waits until every chart has been drawn (its canvas's `data-drawn` counts its draws). */
export async function chartsDrawn(page: Page, timeout = 30_000): Promise<void> {
  for (const id of CHART_IDS)
    await page.locator(`[data-testid="${id}"][data-drawn]:not([data-drawn="failed"])`).waitFor({ timeout });
}

/**
 * Who draws on a canvas: "worker" once it was handed over (the page can no longer get a context),
 * "page" otherwise. Runs in the page (Playwright's or Puppeteer's `$$eval`).
 */
export function canvasOwner(canvas: Element): 'worker' | 'page' | 'none' {
  try {
    return (canvas as HTMLCanvasElement).getContext('2d') ? 'page' : 'none';
  } catch {
    return 'worker';
  }
}

/**
 * Pixels of PNG `a`: how many differ from PNG `b` (of the same size), or, without `b`, from `a`'s
 * commonest colour (its background); and how many are bright (luminance over 150 of 255). Decoded
 * by the page's own image decoder.
 */
export async function pixelCounts(page: Page, a: Buffer, b?: Buffer): Promise<{ differing: number; bright: number }> {
  return page.evaluate(
    async ([a, b]) => {
      const pixels = async (png: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const first = await pixels(a as string);
      const words = new Uint32Array(first.buffer);
      let other: Uint32Array;
      if (b) other = new Uint32Array((await pixels(b)).buffer);
      else {
        const counts = new Map<number, number>();
        for (const p of words) counts.set(p, (counts.get(p) ?? 0) + 1);
        const commonest = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 0;
        other = new Uint32Array(words.length).fill(commonest);
      }
      let differing = 0;
      let bright = 0;
      for (let i = 0; i < words.length; i++) {
        if (words[i] !== other[i]) differing++;
        const [r, g, bl] = [first[4 * i] as number, first[4 * i + 1] as number, first[4 * i + 2] as number];
        if (0.2126 * r + 0.7152 * g + 0.0722 * bl > 150) bright++;
      }
      return { differing, bright };
    },
    [a.toString('base64'), b?.toString('base64')] as const,
  );
}

/** How many pixels of PNG `a` differ from PNG `b`, or from `a`'s background (see pixelCounts). */
export async function pixelsDiffering(page: Page, a: Buffer, b?: Buffer): Promise<number> {
  return (await pixelCounts(page, a, b)).differing;
}
