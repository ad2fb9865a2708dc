import type { Detector, NetMatch, NetRequest, NetworkRule } from '../detectors/types';
import { matchesAny } from '../match-pattern';

/** What webRequest.onBeforeRequest gives us, reduced to the fields we read (Chrome and Firefox). */
export interface RequestDetails {
  url: string;
  method: string;
  tabId: number;
  /** `main_frame` for a page load of the top frame, `xmlhttprequest`, `ping`, … */
  type?: string;
  /** 0 for the top-level document (both browsers). */
  frameId?: number;
  /** Chrome: the sending document, the same id as a content script's `sender.documentId`. */
  documentId?: string;
  timeStamp: number;
  /** Chrome: the sending document's origin. */
  initiator?: string;
  originUrl?: string;
  documentUrl?: string;
  requestBody?: {
    raw?: { bytes?: ArrayBuffer }[];
    formData?: Record<string, string[]>;
  } | null;
}

const MAX_BODY_BYTES = 256 * 1024;

/** The request body as JSON, as form fields, or undefined when it is neither or too large. */
export function parseBody(body: RequestDetails['requestBody']): unknown {
  if (!body) return undefined;
  if (body.formData) return body.formData;
  const parts = body.raw?.map((p) => p.bytes).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer) ?? [];
  const size = parts.reduce((n, b) => n + b.byteLength, 0);
  if (size === 0 || size > MAX_BODY_BYTES) return undefined;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    bytes.set(new Uint8Array(p), offset);
    offset += p.byteLength;
  }
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    if (/^[\w.%+-]+=/.test(text)) {
      const fields: Record<string, string[]> = {};
      for (const [k, v] of new URLSearchParams(text)) {
        fields[k] = [...(fields[k] ?? []), v];
      }
      return fields;
    }
    return undefined;
  }
}

/** Every URL filter of every detector's network rules: the host permissions they need. */
export function networkFilters(detectors: readonly Detector[]): string[] {
  return [...new Set(detectors.flatMap((d) => (d.network ?? []).flatMap((r) => r.urls)))];
}

/** The URL filters of the rules of one sort: page loads (`navigation`) or the pages' own requests. */
export function filtersOf(detectors: readonly Detector[], navigation: boolean): string[] {
  const rules = detectors.flatMap((d) => (d.network ?? []).filter((r) => (r.navigation === true) === navigation));
  return [...new Set(rules.flatMap((r) => r.urls))];
}

/** A top-frame page load is read only by navigation rules, any other request only by the others. */
const isNavigation = (d: Pick<RequestDetails, 'type'>) => d.type === 'main_frame';

/** Requests that change state: POST unless a rule names others (Claude's PUT and PATCH). */
const DEFAULT_METHODS: readonly string[] = ['POST'];
const ruleAccepts = (rule: NetworkRule, d: Pick<RequestDetails, 'method' | 'type'>, url: URL) =>
  (rule.navigation === true) === isNavigation(d) &&
  (rule.methods ?? DEFAULT_METHODS).includes(d.method) &&
  matchesAny(rule.urls, url);

/** The detectors with a rule for this request's URL and method, decided without reading the body. */
export function candidates(detectors: readonly Detector[], d: Pick<RequestDetails, 'url' | 'method' | 'type'>): Detector[] {
  let url: URL;
  try {
    url = new URL(d.url);
  } catch {
    return [];
  }
  return detectors.filter((detector) => (detector.network ?? []).some((rule) => ruleAccepts(rule, d, url)));
}

/**
 * Decodes the body (once) and runs the detector's rules whose filters match the URL; the first
 * match naming one of its actions wins. Call only once the request is known to count if it matches.
 */
export function matchRequest(detector: Detector, d: RequestDetails): NetMatch | null {
  const url = new URL(d.url);
  let body: unknown;
  let parsed = false;
  for (const rule of detector.network ?? []) {
    if (!ruleAccepts(rule, d, url)) continue;
    if (!parsed) {
      body = parseBody(d.requestBody);
      parsed = true;
    }
    const req: NetRequest = { url, method: d.method, body };
    const match = rule.match(req);
    if (match && detector.actions[match.action]) return match;
  }
  return null;
}
