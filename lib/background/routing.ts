import type { browser as extensionBrowser } from 'wxt/browser';
import { INTAKE_PORT, isFireAndForget } from '../messages';
import { type PageMessages, pageMessageType } from '../page-messages';
import type { Collector, MessageSender } from './collector';

type Browser = typeof extensionBrowser;

/** Whether a message comes from one of this extension's own pages (not a content script, not another extension). */
function fromExtensionPage(browser: Browser, sender: MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.url?.startsWith(browser.runtime.getURL('/')) === true;
}

/**
 * The background's runtime.onMessage listener: extension pages' messages (lib/page-messages.ts) and
 * content scripts' messages, which the collector checks and stores. Answers a content script once its
 * message is stored: the content script resends what was not confirmed.
 * (sendResponse rather than a returned promise: Chromium's native `browser` drops Dexie promises.)
 */
export function routeMessages(browser: Browser, collector: Collector) {
  return (message: unknown, sender: MessageSender, sendResponse: (r: unknown) => void): boolean | undefined => {
    const type = pageMessageType(message);
    if (type === 'events-changed') return undefined;
    if (type === 'tracking-changed') {
      if (fromExtensionPage(browser, sender)) collector.refreshTracking().catch(() => {});
      return undefined;
    }
    if (type === 'status') {
      // Extension pages ask whether writes are failing (a full disk): nothing else is answered.
      if (!fromExtensionPage(browser, sender)) return undefined;
      const reply: PageMessages['status'] = { storageProblem: collector.storageProblem ?? null };
      sendResponse(reply);
      return false;
    }
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
  };
}

type Port = Parameters<Parameters<Browser['runtime']['onConnect']['addListener']>[0]>[0];

/**
 * The background's runtime.onConnect listener: content scripts' intake ports, on which they post
 * what needs no answer (gestures and health reports, lib/content/entry.ts). Each message is checked
 * by the collector as a sent one is, against the port's sender (its tab, frame, document and
 * address, as the browser reports them when the port opened); anything else on it is ignored, and
 * any other port closed.
 */
export function routePorts(collector: Collector) {
  return (port: Port): void => {
    const sender = port.sender as MessageSender | undefined;
    // A port's sender is taken once, when it opens. A prerendered page (Chrome's address bar, a site's
    // speculation rules) runs its scripts in a frame whose id changes when it is shown: a port opened
    // then would name that frame for good, and no request of the shown page would match its gestures.
    // Refused: the content script opens another at its next message, once the page is shown.
    if (port.name !== INTAKE_PORT || !sender || sender.documentLifecycle === 'prerender') {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      if (typeof message !== 'object' || message === null || !isFireAndForget(message)) return;
      const receipt = collector.receive(message, sender);
      if (receipt.ok) receipt.stored.catch(() => {}); // a failed write is logged by the intake
    });
  };
}
