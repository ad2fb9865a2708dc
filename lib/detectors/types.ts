import type { Kind, PlatformId, Slot } from '../taxonomy';

/**
 * Alternative CSS selectors, tried in order. Detectors write one comment per alternative saying
 * which markup (and which period) it matches, so a dead one can be recognised and dropped.
 */
export type Selectors = readonly string[];

/** One kind of labor a detector can report, under a short id local to the detector ("like"). */
export interface ActionSpec {
  kind: Kind;
  detail: string;
  slot: Slot;
}

/**
 * A control that toggles a state the platform shows (pressed, liked, bookmarked). A trusted click on
 * `control` arms a watch of the enclosing `scope`; a sighting is sent only when `state(scope)`
 * changes while the watch is armed, so a control that merely renders pressed counts nothing.
 */
export interface ToggleControl {
  /**
   * Every action id `state()` can return. Where a DOM control reports an action, the platform's
   * request for it only confirms (or refines) what the control reported: it never counts alone.
   * A control that reports an action only on some pages (TikTok's like, on a video's own page)
   * does not list it, so that its request still counts where the control cannot see it.
   */
  actions: readonly string[];
  control: Selectors;
  scope: Selectors;
  /** The action whose state is on inside the scope, or null when none is. */
  state(scope: Element): string | null;
  /** A stable id of what was acted on (video id, post id), read when the click happens. */
  target(scope: Element, url: URL): string | undefined;
  /** How long a click keeps the watch armed; longer where a menu asks for confirmation. */
  watchMs?: number;
}

/**
 * A submit button of a text composer (comment, reply, review). A trusted click while the composer
 * holds text arms a watch; the composer being emptied or removed confirms that the platform took it.
 */
export interface SubmitControl {
  action: string;
  /**
   * The action ids the platform's request may name for what this composer sends (a reply as well
   * as a post); `[action]` when absent. Their requests only confirm or refine the composer's sighting.
   */
  actions?: readonly string[];
  control: Selectors;
  /** The composer the button submits, found from the button. */
  composer(button: Element): Element | null;
  /**
   * The text field inside the composer. Only whether it is empty is read (no text leaves the
   * page); keystrokes in it measure the active composing time.
   */
  field: Selectors;
  target(composer: Element, url: URL): string | undefined;
  watchMs?: number;
}

/**
 * A CAPTCHA provider whose widget lives in its own frames. Detection runs inside those frames
 * (`allFrames`): the checkbox frame reports "passed" after a trusted click, the challenge frame
 * reports when a puzzle is shown and each round the user submits.
 */
export interface CaptchaSpec {
  /**
   * Which part of the widget this frame is, from its URL; null for frames not to watch. `page`: one
   * document holds both the checkbox and the puzzle (the practice page's own widget).
   */
  frameRole(url: URL): 'checkbox' | 'challenge' | 'page' | null;
  /** Correlates the checkbox and challenge frames of one widget within a tab (the site key). */
  widget(url: URL): string;
  checkbox: Selectors;
  isPassed(doc: Document): boolean;
  isChallengeShown(doc: Document): boolean;
  /** Buttons that submit one round of a puzzle. */
  verify: Selectors;
  /**
   * Where the passed state shows when it is not on the checkbox itself (Turnstile's panels, in a
   * closed shadow root): watched after the click; the health check also looks inside it.
   */
  passRoot?(doc: Document): (Node & ParentNode) | null;
  /**
   * How long a click on the checkbox stays the cause of the pass that follows (10 minutes unless
   * given: a puzzle may come between). A pass later than that is not the click's.
   */
  armMs?: number;
}

/** A request the background saw, reduced to what detectors may read. */
export interface NetRequest {
  url: URL;
  method: string;
  /** Parsed JSON, or form fields (name → values), or undefined when there was no readable body. */
  body: unknown;
}

export interface NetMatch {
  action: string;
  op: 'add' | 'undo';
  target?: string;
}

/** A request by operation name: the platform sends it when it accepts the user's action. */
export interface NetworkRule {
  /**
   * webRequest URL filter patterns, https only: exactly the endpoints counted, never a whole API
   * (`endpoints()` writes one path with or without a query). The body of a request is decoded only
   * when its URL matches one of these, and only after its gesture was found.
   */
  urls: readonly string[];
  /** HTTP methods the rule reads; POST when absent (an update may arrive as PUT or PATCH). */
  methods?: readonly string[];
  /**
   * The rule reads the top frame's own page loads (`main_frame`), not the page's requests: a classic
   * form that submits as a page load (a review form). Such a request counts only after a trusted
   * `submit` of a POST form on that platform's page, reported by the content script before unload.
   * Match it by path and form field names; the fields' text is never read.
   */
  navigation?: boolean;
  match(req: NetRequest): NetMatch | null;
}

/**
 * The live self-check: on pages matching `pages` (path and query), at least one of `controls` must
 * appear within a few seconds; if not, the platform probably changed its markup and the UI warns.
 */
export interface HealthCheck {
  pages: RegExp;
  controls: Selectors;
}

/** What a content script knows of its detector's network rules (`DetectorPage.requests`). */
export interface Requests {
  navigation?: true;
}

/**
 * What a platform's content script needs: everything but the network rules' decoders, which only
 * the background runs (they stay out of the scripts injected into every page of the platform).
 */
export interface DetectorPage {
  id: PlatformId;
  /** Brand name, shown as is in every language. */
  label: string;
  /** Pages (or provider frames) where the content script runs. */
  matches: readonly string[];
  allFrames?: boolean;
  /** Pages to check by hand when the platform changes; never fetched by tests. */
  testUrls: readonly string[];
  actions: Readonly<Record<string, ActionSpec>>;
  toggles?: readonly ToggleControl[];
  submits?: readonly SubmitControl[];
  captcha?: CaptchaSpec;
  /**
   * Present when the detector has network rules (`withNetwork`): the content script then reports
   * the user's gestures, which the background needs before it reads a request. `navigation` when a
   * rule reads form posts that load a page. Kept true to the rules by tests/unit/registry.test.ts.
   */
  requests?: Requests;
  health: HealthCheck;
  /**
   * Actions (ids of `actions`) whose signal was not seen in a saved page or a recorded request:
   * it rests on hand-written markup or on public code only. Users see these marked unconfirmed.
   */
  unconfirmed?: readonly string[];
}

/**
 * A platform as the background sees it: a page part without network rules, or one with its rules
 * (`withNetwork`). A page part that says it has rules is not a Detector, so it cannot be handed to the
 * background in place of the whole.
 */
export type Detector =
  | (DetectorPage & { requests?: undefined; network?: undefined })
  | (DetectorPage & { requests: Requests; network: readonly NetworkRule[] });

/** URL filters for exactly these endpoints, with or without a query string, and nothing under them. */
export function endpoints(...urls: readonly string[]): string[] {
  return urls.flatMap((u) => [u, `${u}?*`]);
}

/**
 * The actions a detector's DOM controls report (toggles' `actions`, composers' `actions` or
 * `action`): for these, a request only confirms or refines a sighting of the control.
 */
export function domActions(d: Detector): ReadonlySet<string> {
  return new Set([...(d.toggles ?? []).flatMap((t) => t.actions), ...(d.submits ?? []).flatMap((s) => s.actions ?? [s.action])]);
}

/** Whether a detector counts a form that submits as a page load (a rule with `navigation`). */
export function hasNavigation(d: DetectorPage): boolean {
  return d.requests?.navigation === true;
}

/** Helper that keeps literal types and checks the shape of a detector. */
export function defineDetector<const D extends Detector>(d: D): D {
  return d;
}

/** The same for the page part of a detector with network rules (`withNetwork` makes the whole). */
export function definePage<const D extends DetectorPage & { requests: Requests }>(d: D): D {
  return d;
}

/**
 * The whole detector: its page part and its network rules, which the background, the manifest and
 * the tests import. A content script imports the page part alone: the rules are written inside a
 * function and the call is marked pure, so the bundler leaves them and their decoders out of it.
 */
export function withNetwork<const P extends DetectorPage, const R extends readonly NetworkRule[]>(
  page: P,
  rules: () => R,
): P & { network: R } {
  return { ...page, network: rules() };
}
