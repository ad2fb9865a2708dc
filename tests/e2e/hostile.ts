/** A hostile page for the e2e tests: it tries to detect the extension's content scripts and stop them. */

/**
 * The first thing in the page: records every message it receives (window.__seen), answers each
 * one, replays it as DOM events, and dispatches every event name it can guess (with the real
 * extension id, as a page knows it for a published extension) on the document and the window,
 * over and over.
 */
function hostileScript(extensionId: string): string {
  const names = ['youtube', 'content-scripts/youtube', 'youtube.content', 'content'];
  return `<script>(() => {
  const seen = (window.__seen = []);
  const TAG = '__pageReplay';
  const names = ${JSON.stringify(names)};
  const base = ['wxt:content-script-started', 'wxt:locationchange', 'content-script-started', 'locationchange',
    'pagehide', 'unload', 'beforeunload', 'visibilitychange', 'freeze', 'popstate', 'hashchange', 'abort', 'message'];
  const guesses = new Set(base);
  for (const b of base) for (const n of names) {
    guesses.add(${JSON.stringify(extensionId)} + ':' + n + ':' + b);
    guesses.add(n + ':' + b);
  }
  const fire = (type, detail) => {
    for (const target of [document, window]) {
      try {
        target.dispatchEvent(new CustomEvent(type, { detail: Object.assign({ messageId: 'page' }, detail) }));
        target.dispatchEvent(new Event(type));
      } catch {}
    }
  };
  window.addEventListener('message', (e) => {
    if (!(e instanceof MessageEvent)) return; // its own guessed 'message' events
    const d = e.data;
    if (d && typeof d === 'object' && d[TAG]) return;
    let text;
    try { text = JSON.stringify(d); } catch { text = String(d); }
    seen.push(text === undefined ? String(d) : text);
    if (d && typeof d === 'object' && typeof d.type === 'string') {
      guesses.add(d.type);
      fire(d.type, { contentScriptName: d.contentScriptName });
    }
    try { window.postMessage(Object.assign({}, d, { [TAG]: true }), '*'); } catch {}
  }, true);
  const spam = () => { for (const g of guesses) for (const n of names) fire(g, { contentScriptName: n }); };
  spam();
  document.addEventListener('DOMContentLoaded', spam);
  window.addEventListener('load', spam);
  setInterval(spam, 100);
})();</script>`;
}

/** `html` with the hostile script right after the doctype (standards mode kept): before any other byte. */
export function withHostileStart(html: string, extensionId: string): string {
  const script = hostileScript(extensionId);
  return html.startsWith('<!doctype html>') ? html.replace('<!doctype html>', `<!doctype html>${script}`) : script + html;
}
