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
