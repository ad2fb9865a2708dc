/**
 * Stands in for `wxt/utils/content-script-context` in the built scripts (the alias in
 * wxt.config.ts). WXT's generated content-script entry builds one and hands it to `main`, which
 * ignores it. WXT's own announces each script to the page (window.postMessage, a DOM event named
 * after the extension id) and stands down when the page dispatches that event, so any page could
 * detect the extension and stop it. This one does nothing; the scripts run in ContentContext.
 */
export class ContentScriptContext {
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
}
