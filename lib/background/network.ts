import type { Detector, NetMatch, NetRequest } from '../detectors/types';
import { matchesAny } from '../match-pattern';

/** What webRequest.onBeforeRequest gives us, reduced to the fields we read (Chrome and Firefox). */
export interface RequestDetails {
  url: string;
  method: string;
  tabId: number;
  timeStamp: number;
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

/** The page that sent a request, when the browser tells it. */
export function requestOrigin(d: RequestDetails): string | undefined {
  return d.documentUrl ?? d.originUrl ?? d.initiator;
}

/** Every URL filter of every detector's network rules, for one webRequest listener. */
export function networkFilters(detectors: readonly Detector[]): string[] {
  return [...new Set(detectors.flatMap((d) => (d.network ?? []).flatMap((r) => r.urls)))];
}

const DEFAULT_METHODS: readonly string[] = ['POST'];

/** Runs the rules whose filters and methods match the request; the first match wins. */
export function matchRequest(detectors: readonly Detector[], d: RequestDetails): { detector: Detector; match: NetMatch } | null {
  let url: URL;
  try {
    url = new URL(d.url);
  } catch {
    return null;
  }
  let body: unknown;
  let parsed = false;
  for (const detector of detectors) {
    for (const rule of detector.network ?? []) {
      if (!(rule.methods ?? DEFAULT_METHODS).includes(d.method) || !matchesAny(rule.urls, url)) continue;
      if (!parsed) {
        body = parseBody(d.requestBody);
        parsed = true;
      }
      const req: NetRequest = { url, method: d.method, body };
      const match = rule.match(req);
      if (match && detector.actions[match.action]) return { detector, match };
    }
  }
  return null;
}
