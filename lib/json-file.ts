/** Why a JSON file was refused before any of its own fields was read. */
export type JsonFileError = 'too-large' | 'not-json' | 'foreign';

/**
 * The object a JSON file holds, when the text is no longer than `maxLength`, parses, is an object
 * (not an array, not null) and names `format` as its own: the first checks of every file the
 * extension reads (a study, an export). Otherwise why not, without reading further.
 */
export function readJsonFile(
  text: string,
  maxLength: number,
  format: string,
): { ok: true; data: Record<string, unknown> } | { ok: false; error: JsonFileError } {
  if (text.length > maxLength) return { ok: false, error: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: 'foreign' };
  const o = data as Record<string, unknown>;
  if (o.format !== format) return { ok: false, error: 'foreign' };
  return { ok: true, data: o };
}
