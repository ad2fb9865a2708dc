import { dayKey } from '../db/schema';
import type { Enrolment } from './study';
import { originPattern, type Receipt } from './study-extras';

/**
 * Sending a reviewed file (or a withdrawal request) to the https address a study file names. The
 * extension sends nothing else, ever, and this only after the participant's click: the page asks the
 * browser for that one origin in the click itself (requestOrigin), then sends exactly the bytes the
 * participant reviewed, once (send). See "Send to the study" in docs/research/README.md.
 */

export const WITHDRAWAL_FORMAT = 'clickwork-meter/withdrawal-request';
/** How long to wait for the study's server before saying so. */
export const SEND_TIMEOUT_MS = 15_000;

/** SHA-256 of the bytes, as hex: shown before sending, kept in the receipt, sent as the idempotency key. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The part of `browser.permissions` sending uses (a fake in unit tests). */
export interface OriginPermissions {
  request(p: { origins: string[] }): Promise<boolean>;
}

/**
 * Asks the browser for access to the endpoint's one origin. Call it first thing in the click
 * handler, before any await: browsers show the prompt only during the user's gesture.
 */
export function requestOrigin(api: OriginPermissions, endpoint: string): Promise<boolean> {
  return api.request({ origins: [originPattern(endpoint)] }).catch(() => false);
}

export type SendResult =
  | { ok: true; receipt: Receipt }
  | { ok: false; error: 'refused'; status: number }
  | { ok: false; error: 'timeout' | 'network' };

/** The receipt text a server may return: `{"receipt": "..."}` or plain text, kept short and as text. */
async function receiptText(res: Response): Promise<string> {
  const text = (await res.text().catch(() => '')).slice(0, 4000);
  let value: unknown = text;
  try {
    value = (JSON.parse(text) as { receipt?: unknown }).receipt ?? '';
  } catch {
    // plain text
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are dropped from what is shown
  return typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ').slice(0, 200) : '';
}

/**
 * Posts `bytes` to `endpoint` once: no cookie, no referrer, no redirect followed, an idempotency key
 * (the bytes' SHA-256) so that a server can tell a repeated request from a new file.
 */
export async function send(
  endpoint: string,
  bytes: Uint8Array,
  what: Receipt['what'],
  rows: number,
  options: { fetch?: typeof fetch; timeoutMs?: number; now?: () => number } = {},
): Promise<SendResult> {
  const sha256 = await sha256Hex(bytes);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs ?? SEND_TIMEOUT_MS);
  try {
    const res = await (options.fetch ?? fetch)(endpoint, {
      method: 'POST',
      body: bytes as BodyInit,
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': sha256 },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      redirect: 'error',
      cache: 'no-store',
      signal: abort.signal,
    });
    if (!res.ok) return { ok: false, error: 'refused', status: res.status };
    const receipt = await receiptText(res);
    const at = (options.now ?? Date.now)();
    return { ok: true, receipt: { what, at, endpoint, sha256, bytes: bytes.length, rows, status: res.status, receipt } };
  } catch {
    return { ok: false, error: abort.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

/** A withdrawal request: which study and pseudonym (and panel id) to delete; nothing else. */
export function withdrawalBytes(enrolment: Enrolment, now = Date.now()): Uint8Array {
  const body = {
    format: WITHDRAWAL_FORMAT,
    version: 1,
    study_id: enrolment.study.id,
    participant: enrolment.pseudonym,
    ...(enrolment.panelId ? { panel_id: enrolment.panelId } : {}),
    day: dayKey(now),
    request: 'withdraw-and-delete',
  };
  return new TextEncoder().encode(JSON.stringify(body));
}

/** The receipt of a file with these bytes already sent for this enrolment, if any. */
export function alreadySent(enrolment: Enrolment, sha256: string): Receipt | undefined {
  return enrolment.receipts?.find((r) => r.what === 'file' && r.sha256 === sha256);
}
