import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Detector } from '../detectors/types';
import type { ContentMessage } from '../messages';
import { runDetector } from './runtime';

/** The content-script definition of one platform, derived from its detector. */
export function contentScriptFor(detector: Detector) {
  return {
    matches: [...detector.matches],
    allFrames: detector.allFrames ?? false,
    // Registered before the page's own scripts, so our capture listener sees clicks first.
    runAt: 'document_start' as const,
    main(ctx: ContentScriptContext) {
      const send = (message: ContentMessage) => {
        if (ctx.isInvalid) return;
        // The background may be restarting or the extension updating: a lost message is better
        // than an error in the page.
        browser.runtime.sendMessage(message).catch(() => {});
      };
      runDetector(detector, ctx, send);
    },
  };
}
