import { networkFilters } from './background/network';
import type { Detector } from './detectors/types';
import type { PlatformId } from './taxonomy';

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

/** The URL patterns one platform needs: its pages (content script) and the endpoints the background observes. */
export function platformPatterns(d: Detector): string[] {
  return hostPermissions([d]);
}

/** Scheme and host of a match pattern ("*://www.google.com/recaptcha/*" → "*", "www.google.com"). */
function hostOf(pattern: string): { scheme: string; host: string } {
  const [scheme = '', rest = ''] = pattern.split('://');
  return { scheme, host: rest.slice(0, rest.indexOf('/')) };
}

function hostsOverlap(a: string, b: string): boolean {
  if (a === b || a === '*' || b === '*') return true;
  // "*.google.com" covers "google.com" and every host under it.
  const under = (wild: string, h: string) => wild.startsWith('*.') && (h === wild.slice(2) || h.endsWith(wild.slice(1)));
  return under(a, b) || under(b, a);
}

/**
 * True when two patterns give access to a common host. Browsers grant and take back host access per
 * host, whatever the path (Chromium widens "…/recaptcha/api2/*" to the whole host), so giving back
 * one pattern can take away another on the same host: sharing is judged by host, not path.
 */
export function shareHost(a: string, b: string): boolean {
  const x = hostOf(a);
  const y = hostOf(b);
  const schemes = x.scheme === y.scheme || x.scheme === '*' || y.scheme === '*';
  return schemes && hostsOverlap(x.host, y.host);
}

/**
 * The patterns switching platform `id` off may give back: its own, less any on a host that another
 * platform still switched on needs.
 */
export function releasablePatterns(id: PlatformId, detectors: readonly Detector[], isOn: (id: PlatformId) => boolean): string[] {
  const own = detectors.find((d) => d.id === id);
  if (!own) return [];
  const kept = detectors.filter((d) => d.id !== id && isOn(d.id)).flatMap(platformPatterns);
  return platformPatterns(own).filter((p) => !kept.some((k) => shareHost(p, k)));
}

/** The part of `browser.permissions` the dashboard uses (a fake in unit tests). */
export interface PermissionsApi {
  contains(p: { origins: string[] }): Promise<boolean>;
  remove(p: { origins: string[] }): Promise<boolean>;
  request(p: { origins: string[] }): Promise<boolean>;
}

/** Whether the browser gives the extension access to every pattern of each platform, now. */
export async function platformAccess(api: PermissionsApi, detectors: readonly Detector[]): Promise<Map<PlatformId, boolean>> {
  const entries = await Promise.all(
    detectors.map(async (d) => [d.id, await api.contains({ origins: platformPatterns(d) }).catch(() => false)] as const),
  );
  return new Map(entries);
}

/**
 * After a platform is switched off: asks the browser to take back its access (what no switched-on
 * platform shares), then reads back whether the platform still has it. The answer of `remove` is not
 * trusted: Chromium refuses access granted at installation ("You cannot remove required
 * permissions"), and Firefox answers true for it and keeps it.
 */
export async function releaseAccess(
  api: PermissionsApi,
  id: PlatformId,
  detectors: readonly Detector[],
  isOn: (id: PlatformId) => boolean,
): Promise<{ stillGranted: boolean; error?: string }> {
  const own = detectors.find((d) => d.id === id);
  if (!own) return { stillGranted: false };
  const origins = releasablePatterns(id, detectors, isOn);
  let error: string | undefined;
  if (origins.length) {
    try {
      await api.remove({ origins });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
  const stillGranted = await api.contains({ origins: platformPatterns(own) }).catch(() => false);
  return error === undefined ? { stillGranted } : { stillGranted, error };
}

/**
 * Asks the browser for a platform's access. Call it straight from the click handler, before any
 * await: browsers grant permission prompts only during a user gesture.
 */
export function requestAccess(api: PermissionsApi, d: Detector): Promise<boolean> {
  return api.request({ origins: platformPatterns(d) }).catch(() => false);
}
