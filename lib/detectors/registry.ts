import recaptcha from './recaptcha';
import type { Detector } from './types';
import x from './x';
import youtube from './youtube';

/**
 * Every supported platform. The manifest's host permissions, the background's network filters and
 * the UI's platform list are derived from this list; each entry has its content script in
 * `entrypoints/<id>.content.ts` (checked by tests/unit/registry.test.ts).
 */
export const DETECTORS: readonly Detector[] = [youtube, x, recaptcha];

export function detectorFor(id: string): Detector | undefined {
  return DETECTORS.find((d) => d.id === id);
}
