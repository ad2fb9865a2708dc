import type { browser as extensionBrowser } from 'wxt/browser';

/** The page that opens once, when the extension is installed (entrypoints/welcome). */
export const WELCOME_PATH = '/welcome.html';

/**
 * runtime.onInstalled: the welcome page opens on a first installation only — never on an update,
 * a browser update or a shared module's update, which would show it again to someone who has used
 * the extension for months. Returns whether it opened it.
 */
export async function welcomeOnInstall(
  details: { reason: string },
  openTab: (url: string) => Promise<unknown>,
  url: (path: string) => string,
): Promise<boolean> {
  if (details.reason !== 'install') return false;
  await openTab(url(WELCOME_PATH));
  return true;
}

/** The background's runtime.onInstalled listener: the welcome page, on a first installation only. */
export function onInstalled(browser: typeof extensionBrowser): (details: { reason: string }) => void {
  return (details) => {
    welcomeOnInstall(
      details,
      (url) => browser.tabs.create({ url }),
      (path) => browser.runtime.getURL(path as '/'),
    ).catch((error) => console.warn('[clickwork] could not open the welcome page', error));
  };
}
