import { networkFilters } from './background/network';
import type { Detector } from './detectors/types';

/** True when every URL `inner` matches is also matched by `outer` (for the patterns we write). */
function covers(outer: string, inner: string): boolean {
  const [os, orest = ''] = outer.split('://');
  const [is, irest = ''] = inner.split('://');
  if (os !== is && os !== '*') return false;
  const oHost = orest.slice(0, orest.indexOf('/'));
  const iHost = irest.slice(0, irest.indexOf('/'));
  if (oHost !== iHost) return false;
  const oPath = orest.slice(oHost.length);
  const iPath = irest.slice(iHost.length);
  return oPath.endsWith('*') && iPath.startsWith(oPath.slice(0, -1));
}

/**
 * The manifest's host permissions: the pages where content scripts run and the endpoints the
 * background observes, derived from the registry, without patterns another one already covers.
 */
export function hostPermissions(detectors: readonly Detector[]): string[] {
  const all = [...new Set([...detectors.flatMap((d) => d.matches), ...networkFilters(detectors)])];
  return all.filter((p) => !all.some((q) => q !== p && covers(q, p))).sort();
}
