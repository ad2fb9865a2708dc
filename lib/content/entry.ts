import type { DetectorPage } from '../detectors/types';
import { type ContentMessage, INTAKE_PORT, isFireAndForget } from '../messages';
import { nativeBrowser as browser } from '../native-browser';
import { ContentContext } from './context';
import { whileTracked } from './gate';
import { runDetector } from './runtime';

/** Waits before each resend of an unconfirmed message (the background may be restarting). */
export const RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000];

function randomId(): string {
  // crypto.randomUUID needs a secure context; getRandomValues works on any page.
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

type Port = ReturnType<typeof browser.runtime.connect>;
let port: Port | undefined;

/**
 * Posts a message that needs no answer on the intake port, opened at the first and again after the
 * background let it go (a service worker stopped when idle disconnects it; opening wakes it).
 */
function post(message: ContentMessage): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      if (!port) {
        const opened = browser.runtime.connect({ name: INTAKE_PORT });
        opened.onDisconnect.addListener(() => {
          if (port === opened) port = undefined;
        });
        port = opened;
      }
      port.postMessage(message);
      return;
    } catch {
      // Disconnected before we were told: once more on a new port. Thrown again: the extension is gone.
      port = undefined;
    }
  }
}

/**
 * Sends a message to the background. Sightings and CAPTCHA steps carry an id and are resent until
 * the background confirms they are stored (it drops resends it already has); gestures and health
 * reports are posted once on the intake port. Nothing here may throw into the page.
 */
export function deliver(ctx: Pick<ContentContext, 'isInvalid' | 'setTimeout'>, message: ContentMessage): void {
  if (ctx.isInvalid) return;
  if (isFireAndForget(message)) {
    post(message);
    return;
  }
  const withId = { ...message, id: randomId() };
  const attempt = (n: number) => {
    if (ctx.isInvalid) return; // the extension was updated or removed: this script is finished
    let sent: Promise<unknown>;
    try {
      sent = browser.runtime.sendMessage(withId);
    } catch {
      return; // "Extension context invalidated" is thrown, not rejected
    }
    sent.then(
      (reply: unknown) => {
        const r = reply as { ok?: boolean; retry?: boolean } | undefined;
        if (r?.ok || (r && !r.retry)) return; // stored, or refused for good (already logged there)
        retry(n);
      },
      () => retry(n),
    );
  };
  const retry = (n: number) => {
    const delay = RETRY_DELAYS_MS[n];
    if (delay !== undefined) ctx.setTimeout(() => attempt(n + 1), delay);
  };
  attempt(0);
}

/** The content-script definition of one platform, derived from its detector. */
export function contentScriptFor(detector: DetectorPage) {
  return {
    matches: [...detector.matches],
    allFrames: detector.allFrames ?? false,
    // Registered before the page's own scripts, so our capture listener sees clicks first.
    runAt: 'document_start' as const,
    // WXT's own context is replaced (wxt.config.ts) and not used: see ContentContext.
    main() {
      const ctx = new ContentContext();
      whileTracked(
        detector.id,
        ctx,
        (run, send) => runDetector(detector, run, send),
        (message) => deliver(ctx, message),
      );
    },
  };
}
