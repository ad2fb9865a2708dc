import practice from '../detectors/practice';
import { DETECTORS } from '../detectors/registry';
import { KIND_DETAILS } from '../taxonomy';

/** Details the background itself gives CAPTCHAs (passed at once, or after a puzzle). */
const CAPTCHA_DETAILS = ['checkbox', 'challenge'];

let known: Set<string> | undefined;

/**
 * Every `detail` a detector can report, read from the detectors' own declarations, and those the
 * taxonomy names for each kind: the only ones an anonymised export writes (anything else, e.g. from
 * an edited backup, leaves as `other`).
 */
export function knownDetails(): Set<string> {
  if (known) return known;
  // The taxonomy's own details: what a hand-entered action may have, before any detector reports it.
  const out = new Set<string>([...CAPTCHA_DETAILS, ...Object.values(KIND_DETAILS).flat()]);
  const seen = new Set<unknown>();
  const walk = (o: unknown) => {
    if (!o || typeof o !== 'object' || seen.has(o)) return;
    seen.add(o);
    if (Array.isArray(o)) {
      for (const x of o) walk(x);
      return;
    }
    for (const [key, value] of Object.entries(o)) {
      if (key === 'detail' && typeof value === 'string') out.add(value);
      else walk(value);
    }
  };
  for (const d of [...DETECTORS, practice]) walk(d);
  known = out;
  return out;
}
