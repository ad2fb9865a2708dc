import { browser } from 'wxt/browser';
import { Collector } from '@/lib/background/collector';
import { networkFilters, type RequestDetails } from '@/lib/background/network';
import { openDb } from '@/lib/db/open';
import { DETECTORS } from '@/lib/detectors/registry';

async function injectIntoOpenTabs(): Promise<void> {
  for (const d of DETECTORS) {
    const tabs = await browser.tabs.query({ url: [...d.matches] });
    for (const tab of tabs) {
      if (tab.id === undefined || tab.discarded) continue;
      await browser.scripting
        // The file is built by WXT from entrypoints/<id>.content.ts (the registry meta-test checks it exists).
        .executeScript({
          target: { tabId: tab.id, allFrames: d.allFrames ?? false },
          files: [`/content-scripts/${d.id}.js` as never],
        })
        .catch(() => {}); // a tab that closed or cannot be scripted (an error page) is skipped
    }
  }
}

export default defineBackground(() => {
  const db = openDb();
  const collector = new Collector(db, browser.runtime.id, () => {
    // Open extension pages redraw; with none open, nobody is listening and that is fine.
    browser.runtime.sendMessage({ type: 'events-changed' }).catch(() => {});
  });

  // Answers once the message is stored: the content script resends what was not confirmed.
  // (sendResponse rather than a returned promise: Chromium's native `browser` drops Dexie promises.)
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'events-changed') return undefined;
    const receipt = collector.receive(message, sender);
    if (!receipt.ok) {
      sendResponse({ ok: false, error: receipt.error });
      return false;
    }
    receipt.stored.then(
      () => sendResponse({ ok: true }),
      () => sendResponse({ ok: false, retry: true }),
    );
    return true;
  });

  // Requests are observed, never blocked or changed. Registered at the top level so that a
  // stopped service worker is woken up by them.
  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      try {
        collector.seeRequest(details as unknown as RequestDetails, DETECTORS);
      } catch (error) {
        console.error('[clickwork] request not understood', error);
      }
      return undefined;
    },
    { urls: networkFilters(DETECTORS), types: ['xmlhttprequest', 'other', 'ping'] },
    ['requestBody'],
  );

  // Pages already open when the extension is installed, updated or reloaded have no content
  // script (browsers inject declared ones only on navigation): inject them so counting resumes.
  browser.runtime.onInstalled.addListener(() => {
    injectIntoOpenTabs().catch((error) => console.warn('[clickwork] could not inject into open tabs', error));
  });

  if (import.meta.env.DEV) {
    // `npm start` opens a fresh profile: show where to begin.
    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'install') browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    });
  }
});
