import type { GestureRow } from '../db/schema';
import type { Detector } from '../detectors/types';
import { matchesAny } from '../match-pattern';
import type { PlatformId } from '../taxonomy';
import type { RequestDetails } from './network';

/**
 * The attribution rules, in one place. A platform's request counts only when
 * - it comes from the top-level document of a page of that platform (or from a frame, for a
 *   detector whose content script runs in frames, `allFrames`);
 * - a trusted click or key press on that same page (same tab, frame, platform and document)
 *   came at most `GESTURE_WINDOW_MS` before it (or `GESTURE_GRACE_MS` after: its message may
 *   arrive a moment after the request it caused);
 * - for an action no DOM control reports, the gesture has not already let one through
 *   (`budgetKey`; a gesture message standing for several clicks lets one through per click); where a
 *   DOM control reports it, the request only confirms the control.
 */

/** A platform request counts only this soon after a trusted gesture on its page. */
export const GESTURE_WINDOW_MS = 10_000;
/** A gesture vouches for a request sent at most this long before it (by the two events' own times). */
export const GESTURE_GRACE_MS = 400;
/**
 * How long a request waits for the message of the gesture that caused it. Longer than the grace:
 * clicks that come fast are folded into one message sent by a timer (runtime.ts), and a page busy
 * with long tasks holds that timer back for a second or more; whether the gesture vouches is still
 * judged by its click's time against the request's (`vouches`), not by when its message came.
 */
export const GESTURE_MESSAGE_WAIT_MS = 2_000;

/** Who sent a runtime message, as the browser reports it (Chrome adds documentId and documentLifecycle). */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string; incognito?: boolean };
  frameId?: number;
  documentId?: string;
  documentLifecycle?: string;
}

/** What a request tells about the document that sent it. */
export interface RequestFacts {
  tabId: number;
  frameId: number;
  documentId?: string;
  /** The sending document's URL (Firefox) or origin (Chrome's initiator). */
  requester: string;
  ts: number;
}

/**
 * A trusted submit of a POST form is kept apart (`…|submit`): only it vouches for the page load
 * that form causes, and a click elsewhere on the page never does.
 */
export function gestureKey(tabId: number, frameId: number, platform: PlatformId, submit = false): string {
  return `${tabId}|${frameId}|${platform}${submit ? '|submit' : ''}`;
}

function parse(url: string | undefined): URL | undefined {
  try {
    return url ? new URL(url) : undefined;
  } catch {
    return undefined;
  }
}

/** The facts of a request from a tab's document, or null (a worker, the browser, unknown sender). */
export function requestFacts(d: RequestDetails): RequestFacts | null {
  const requester = d.documentUrl ?? d.originUrl ?? d.initiator;
  if (d.tabId < 0 || typeof d.frameId !== 'number' || !requester || !parse(requester)) return null;
  const facts: RequestFacts = { tabId: d.tabId, frameId: d.frameId, requester, ts: Math.round(d.timeStamp || Date.now()) };
  // A page load is sent for the document it replaces; its initiator (Chrome) or origin URL (Firefox)
  // names the page the form was on, which the gesture's origin is compared with.
  if (d.documentId && d.type !== 'main_frame') facts.documentId = d.documentId;
  return facts;
}

/** Whether a request from this document may count for this platform at all (no gesture yet). */
export function fromOwnPage(detector: Detector, facts: RequestFacts): boolean {
  if (facts.frameId !== 0 && !detector.allFrames) return false;
  const url = parse(facts.requester);
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) return false;
  // Chrome gives the origin only: any pattern of that host then matches, whatever its path (a provider's frame
  // under /fc/assets/…); the gesture that must vouch for the request is still matched by document id.
  const originOnly = /^https?:\/\/[^/?#]+$/.test(facts.requester);
  const patterns = originOnly ? detector.matches.map((p) => p.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*')) : detector.matches;
  return matchesAny(patterns, url);
}

/** The gesture a content script's message stands for, or null when the sender is not a tab's page. */
export function gestureFrom(
  sender: MessageSender,
  platform: PlatformId,
  ts: number,
  submit = false,
  clicks = 1,
  from?: number,
): GestureRow | null {
  const url = parse(sender.url);
  if (sender.tab?.id === undefined || !url) return null;
  const frameId = sender.frameId ?? 0;
  const row: GestureRow = {
    key: gestureKey(sender.tab.id, frameId, platform, submit),
    tabId: sender.tab.id,
    frameId,
    platform,
    origin: url.origin,
    // In a provider's frame (a CAPTCHA) the work is done for the page that embeds it: name that page's host,
    // as CAPTCHA messages do; the frame's origin still decides which requests the gesture vouches for.
    host: (frameId !== 0 ? parse(sender.tab?.url)?.hostname : undefined) ?? url.hostname,
    ts,
    incognito: sender.tab.incognito === true,
    used: [],
  };
  if (sender.documentId) row.documentId = sender.documentId;
  if (clicks > 1) row.clicks = clicks;
  if (clicks > 1 && from !== undefined && from < ts) row.from = from;
  return row;
}

/**
 * Whether a gesture vouches for a request: same document, and close enough in time — one of its
 * clicks (from `from` to `ts`) at most the grace after the request and at most the window before it.
 */
export function vouches(g: GestureRow, facts: RequestFacts): boolean {
  if (facts.ts - g.ts > GESTURE_WINDOW_MS || (g.from ?? g.ts) - facts.ts > GESTURE_GRACE_MS) return false;
  // Document ids where the browser gives both (Chrome); else the document's origin (Firefox).
  if (g.documentId && facts.documentId) return g.documentId === facts.documentId;
  return parse(facts.requester)?.origin === g.origin;
}

/** One request-only action per gesture (per click it stands for) and per action and direction. */
export function budgetKey(action: string, op: 'add' | 'undo'): string {
  return `${action}|${op}`;
}

/** Whether the gesture may still let a request-only action of this budget through. */
export function hasBudget(g: GestureRow, budget: string): boolean {
  return g.used.filter((b) => b === budget).length < (g.clicks ?? 1);
}

/** The host of an http(s) address, or undefined. */
export function hostOf(url: string | undefined): string | undefined {
  const u = parse(url);
  return u && (u.protocol === 'http:' || u.protocol === 'https:') ? u.hostname : undefined;
}

/** The extension's pages that run the practice widgets: the practice page, and the welcome page's "try it here". */
const PRACTICE_PAGES = ['/practice.html', '/welcome.html'];

export function isPracticePage(url: string | undefined): boolean {
  const u = parse(url);
  return !!u && (u.protocol === 'chrome-extension:' || u.protocol === 'moz-extension:') && PRACTICE_PAGES.includes(u.pathname);
}
