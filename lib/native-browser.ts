import type { browser as PolyfilledBrowser } from 'wxt/browser';

/**
 * The browser's own extension API, without webextension-polyfill: Firefox's `browser`, or Chrome's
 * `chrome`, whose MV3 methods return promises when given no callback. Content scripts use only
 * what both serve alike (runtime.sendMessage and id, storage.local.get/set and storage.onChanged,
 * extension.inIncognitoContext), so they leave out the polyfill (about 9 KB of each script). The
 * background and the extension pages keep it (`wxt/browser`): Chromium's `browser`, where it
 * exists, does not wait for a Dexie promise returned from onMessage.
 */
type Api = typeof PolyfilledBrowser;
const g = globalThis as unknown as { browser?: Api; chrome?: Api };
export const nativeBrowser: Api = (g.browser?.runtime?.id ? g.browser : g.chrome) as Api;
