import type { DetectorPage, ToggleControl } from '../detectors/types';
import { guard, type RuntimeHost } from './host';

const TOGGLE_WATCH_MS = 4_000;

/** One sighting a toggle's change of state sends. */
export interface ToggleStep {
  action: string;
  op: 'add' | 'undo';
}

/**
 * What a control's change of state from `before` to `now` (action ids, null for none) reports.
 * An exclusive state is replaced by the next one of the same kind (ingest does that: no undo is
 * sent); any other change takes it back (Steam's "funny" clears a helpful vote).
 */
export function toggleTransition(actions: DetectorPage['actions'], before: string | null, now: string | null): ToggleStep[] {
  if (now === before) return [];
  const was = before ? actions[before] : undefined;
  const replaced = was?.slot === 'exclusive' && now !== null && actions[now]?.kind === was.kind;
  const steps: ToggleStep[] = [];
  if (before && !replaced) steps.push({ action: before, op: 'undo' });
  if (now) steps.push({ action: now, op: 'add' });
  return steps;
}

interface Watch {
  observer: MutationObserver;
  timer: number;
  last: string | null;
  target: string | undefined;
  /** Set when a single-page navigation kept this watch: its target is then read again before each report. */
  moved: boolean;
}

type Emit = (step: ToggleStep, target: string | undefined) => void;

/** The target `scope` stands for now, undefined when it cannot be read. */
function targetNow(toggle: ToggleControl, scope: Element, win: Window): string | undefined {
  try {
    return toggle.target(scope, new URL(win.location.href));
  } catch {
    return undefined;
  }
}

/**
 * Observes one clicked control's container (and its open shadow root) and reports its changes.
 * After a single-page navigation, until it shows another target: an app reusing the element for
 * the next item then ends the watch (`stale`) with nothing reported. (Read only then: a click's
 * own watch, the common case, reads no more than before.)
 */
function observeScope(
  toggle: ToggleControl,
  scope: Element,
  actions: DetectorPage['actions'],
  emit: Emit,
  win: Window,
  stale: () => void,
): Watch {
  const watch: Watch = {
    last: toggle.state(scope),
    // Read now: by the time the state flips, a single-page app may show another target.
    target: targetNow(toggle, scope, win),
    observer: new MutationObserver(
      guard(() => {
        const target = watch.moved ? targetNow(toggle, scope, win) : watch.target;
        // One that cannot be read any more (the control redrawn by the action itself) is still the clicked one.
        if (target !== undefined && target !== watch.target) return stale();
        const now = toggle.state(scope);
        const steps = toggleTransition(actions, watch.last, now);
        watch.last = now;
        for (const step of steps) emit(step, watch.target);
      }),
    ),
    timer: 0,
    moved: false,
  };
  const options = { attributes: true, childList: true, subtree: true };
  watch.observer.observe(scope, options);
  // A custom element may keep its controls in an open shadow root, which the observer above misses.
  if (scope.shadowRoot) watch.observer.observe(scope.shadowRoot, options);
  return watch;
}

/**
 * Short watches of clicked toggles' containers: `arm` starts (or extends) one for a few seconds,
 * `navigated` ends those a single-page navigation made stale, `stopAll` ends them all (when the
 * extension goes away).
 */
export function toggleWatches(detector: DetectorPage, host: RuntimeHost, emit: Emit, win: Window) {
  const watches = new Map<ToggleControl, Map<Element, Watch>>();
  const stop = (toggle: ToggleControl, scope: Element) => {
    const w = watches.get(toggle)?.get(scope);
    if (!w) return;
    w.observer.disconnect();
    clearTimeout(w.timer);
    watches.get(toggle)?.delete(scope);
  };
  const arm = (toggle: ToggleControl, scope: Element) => {
    const byScope = watches.get(toggle) ?? new Map<Element, Watch>();
    watches.set(toggle, byScope);
    const existing = byScope.get(scope);
    if (existing) clearTimeout(existing.timer);
    const watch = existing ?? observeScope(toggle, scope, detector.actions, emit, win, () => stop(toggle, scope));
    watch.timer = host.setTimeout(() => stop(toggle, scope), toggle.watchMs ?? TOGGLE_WATCH_MS);
    byScope.set(scope, watch);
  };
  const stopAll = () => {
    for (const [toggle, byScope] of watches) for (const scope of [...byScope.keys()]) stop(toggle, scope);
  };
  /**
   * After a single-page navigation: a watch whose control left the page, has no target to compare,
   * or now stands for another target (YouTube keeps its like button for the next video) ends; one
   * whose target is unchanged goes on, so that a page rewriting its own address cannot end the
   * watch of what was just clicked. (An app that redraws after the address changed is caught by
   * the watch itself: see observeScope.)
   */
  const navigated = () => {
    for (const [toggle, byScope] of watches)
      for (const [scope, watch] of [...byScope]) {
        const same = scope.isConnected && watch.target !== undefined && targetNow(toggle, scope, win) === watch.target;
        if (!same) stop(toggle, scope);
        else watch.moved = true;
      }
  };
  return { arm, stopAll, navigated };
}
