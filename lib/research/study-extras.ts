/**
 * The optional parts of a study file: ethics fields, the https address files may be sent to, and
 * the key that tells two researchers' studies apart. See docs/research/README.md.
 */

/** What an ethics board and a data-protection officer want a participant to see before consent. */
export interface Ethics {
  /** Approval reference of the ethics board (for example "IRB-2026-041"). */
  approval: string;
  /** Who answers data-protection requests (an address or a web page); named as in the file. */
  data_protection: string;
  /** How long the data is kept, as the researcher states it. */
  retention: string;
}

export const MAX_ENDPOINT_LENGTH = 500;

type TextCheck = (v: unknown, max: number) => v is string;
export type ExtraResult<T> = { ok: true; value: T | undefined } | { ok: false; field: string; missing?: boolean };

/** The `ethics` object: absent, or all three fields as text. */
export function parseEthics(v: unknown, isText: TextCheck): ExtraResult<Ethics> {
  if (v === undefined) return { ok: true, value: undefined };
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return { ok: false, field: 'ethics' };
  const e = v as Record<string, unknown>;
  for (const name of ['approval', 'data_protection', 'retention']) {
    if (e[name] === undefined) return { ok: false, field: `ethics.${name}`, missing: true };
    if (!isText(e[name], 300)) return { ok: false, field: `ethics.${name}` };
  }
  return {
    ok: true,
    value: { approval: e.approval as string, data_protection: e.data_protection as string, retention: e.retention as string },
  };
}

/**
 * The address files may be sent to: https only, no user name or password in it, no fragment, and
 * short. Returned as the browser writes it (so that what is shown is what is asked for).
 */
export function parseEndpoint(v: unknown): ExtraResult<string> {
  if (v === undefined) return { ok: true, value: undefined };
  if (typeof v !== 'string' || v.length > MAX_ENDPOINT_LENGTH) return { ok: false, field: 'endpoint' };
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return { ok: false, field: 'endpoint' };
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.hash || v.includes('#') || !url.hostname)
    return { ok: false, field: 'endpoint' };
  return { ok: true, value: url.href };
}

/** The match pattern of the endpoint's one origin: what the browser is asked for at the click. */
export function originPattern(endpoint: string): string {
  return `https://${new URL(endpoint).hostname}/*`;
}

/** 32-bit FNV-1a, as 8 hex digits: enough to tell researchers apart in a key, not a secret. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * What identifies a study on this browser: its id with its researcher and contact. Two teachers who
 * both keep the example's id are two studies; the same researcher's corrected file is the same
 * study. Derived from the stored file, so enrolments stored before it need no rewriting.
 */
export function studyKey(study: { id: string; researcher: string; contact: string }): string {
  return `${study.id}~${fnv1a(`${study.researcher}\n${study.contact}`)}`;
}

/** A panel or survey participant id from a join link: what survey tools use, and nothing more. */
export const PANEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** What the participant keeps of a file or withdrawal request sent to a study. */
export interface Receipt {
  what: 'file' | 'withdrawal';
  /** When the study's server answered (ms since 1970). */
  at: number;
  /** The address it was sent to. */
  endpoint: string;
  /** SHA-256 of exactly the bytes sent, hex. */
  sha256: string;
  bytes: number;
  /** Rows in the file (0 for a withdrawal request). */
  rows: number;
  /** The HTTP status of the answer. */
  status: number;
  /** The receipt text the server returned (at most 200 characters, shown as text), or ''. */
  receipt: string;
}

export function isReceipt(v: unknown): v is Receipt {
  if (v === null || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  const count = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  return (
    (r.what === 'file' || r.what === 'withdrawal') &&
    count(r.at) &&
    typeof r.endpoint === 'string' &&
    parseEndpoint(r.endpoint).ok &&
    typeof r.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(r.sha256) &&
    count(r.bytes) &&
    count(r.rows) &&
    count(r.status) &&
    typeof r.receipt === 'string' &&
    r.receipt.length <= 200
  );
}

export type JoinLink = { ok: true; studyText: string; panelId?: string } | { ok: false; error: 'bad-link' | 'bad-panel-id' };

/** Whether text is a join link (or its fragment) rather than a study file. */
export const isJoinLink = (text: string) => /(^|#)join=/.test(text.trim());

/**
 * Reads a join link, `research.html#join=<study file, base64url>&panel=<participant id>`, or its
 * fragment alone. The fragment carries the study file itself, so joining fetches nothing and the
 * fragment never reaches any server. The study text is then checked like a pasted file.
 */
export function parseJoinLink(text: string): JoinLink {
  const fragment = text.trim().replace(/^[^#]*#/, '');
  const params = new URLSearchParams(fragment);
  const encoded = params.get('join');
  if (!encoded || !/^[A-Za-z0-9_-]+={0,2}$/.test(encoded)) return { ok: false, error: 'bad-link' };
  let studyText: string;
  try {
    const binary = atob(encoded.replaceAll('-', '+').replaceAll('_', '/'));
    studyText = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return { ok: false, error: 'bad-link' };
  }
  const panel = params.get('panel');
  if (panel === null) return { ok: true, studyText };
  if (!PANEL_ID.test(panel)) return { ok: false, error: 'bad-panel-id' };
  return { ok: true, studyText, panelId: panel };
}

/** The fragment of a join link for a study file (what a researcher puts after research.html). */
export function joinFragment(studyText: string, panelId?: string): string {
  const bytes = new TextEncoder().encode(studyText);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const b64 = btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
  return `join=${b64}${panelId ? `&panel=${encodeURIComponent(panelId)}` : ''}`;
}
