import type { browser as extensionBrowser } from 'wxt/browser';
import { DETECTORS } from '../detectors/registry';
import type { Collector } from './collector';
import { filtersOf, type RequestDetails } from './network';

type Browser = typeof extensionBrowser;

/**
 * Registers the webRequest listeners: requests are observed, never blocked or changed. Called at the
 * top level of the background's entry so that a stopped service worker is woken up by them.
 */
export function observeRequests(browser: Browser, collector: Collector): void {
  const see = (details: unknown) => {
    try {
      collector.seeRequest(details as RequestDetails, DETECTORS);
    } catch (error) {
      console.error('[clickwork] request not understood', error);
    }
    return undefined;
  };
  browser.webRequest.onBeforeRequest.addListener(
    see,
    { urls: filtersOf(DETECTORS, false), types: ['xmlhttprequest', 'other', 'ping'] },
    ['requestBody'],
  );
  // Classic forms that submit as a page load (review forms): the top frame's POST to exactly the
  // endpoints of navigation rules. An empty list would mean every address, so none is then listened to.
  const pageLoads = filtersOf(DETECTORS, true);
  if (pageLoads.length)
    browser.webRequest.onBeforeRequest.addListener(see, { urls: pageLoads, types: ['main_frame'] }, ['requestBody']);
}
