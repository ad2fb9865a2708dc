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
 * How many pixels of PNG `a` differ from PNG `b` (of the same size), or, without `b`, from `a`'s
 * commonest colour (its background): decoded by the page's own image decoder.
 */
export async function pixelsDiffering(page: Page, a: Buffer, b?: Buffer): Promise<number> {
  return page.evaluate(
    async ([a, b]) => {
      const pixels = async (png: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        return new Uint32Array(context.getImageData(0, 0, image.width, image.height).data.buffer);
      };
      const first = await pixels(a as string);
      let other: Uint32Array;
      if (b) other = await pixels(b);
      else {
        const counts = new Map<number, number>();
        for (const p of first) counts.set(p, (counts.get(p) ?? 0) + 1);
        const commonest = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? 0;
        other = new Uint32Array(first.length).fill(commonest);
      }
      let n = 0;
      for (let i = 0; i < first.length; i++) if (first[i] !== other[i]) n++;
      return n;
    },
    [a.toString('base64'), b?.toString('base64')] as const,
  );
}
