/**
 * A write refused because the browser's storage quota (or the disk) is full: the error itself, or
 * one it wraps (Dexie wraps the request's error in the transaction's AbortError as `inner`).
 */
export function isQuotaError(error: unknown): boolean {
  const names: string[] = [];
  for (let e = error as { name?: string; inner?: unknown } | undefined; e && names.length < 5; e = e.inner as typeof e) {
    if (e.name) names.push(e.name);
  }
  return names.some((n) => n === 'QuotaExceededError');
}
