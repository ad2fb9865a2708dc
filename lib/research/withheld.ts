import type { ClickworkDB } from '../db/schema';
import type { ExportRow } from './format';

/**
 * Rows a participant removed from a study's file, remembered by their key (day, hour, platform,
 * kind, detail) until put back: every later file of that study withholds them too, so that two
 * files of one pseudonym never reveal which row was removed. Kept under the pseudonym (one per
 * enrolment), deleted when the participant leaves the study.
 */
const metaKey = (pseudonym: string) => `withheld:${pseudonym}`;

/** A row's identity in a study's files: what a removal refers to. */
export const rowKey = (r: Pick<ExportRow, 'day' | 'hour' | 'platform' | 'kind' | 'detail'>) =>
  `${r.day}|${r.hour}|${r.platform}|${r.kind}|${r.detail}`;

/** The keys removed so far for this enrolment (an unreadable entry counts as none removed). */
export async function withheldKeys(db: ClickworkDB, pseudonym: string): Promise<Set<string>> {
  const value = (await db.meta.get(metaKey(pseudonym)))?.value;
  return new Set(Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : []);
}

/** Remembers the removed keys (all of them: those of rows not read this time stay removed). */
export async function saveWithheld(db: ClickworkDB, pseudonym: string, keys: Iterable<string>): Promise<void> {
  const list = [...new Set(keys)].sort();
  if (list.length) await db.meta.put({ key: metaKey(pseudonym), value: list });
  else await db.meta.delete(metaKey(pseudonym));
}

/** Forgets them (on leaving the study). */
export async function forgetWithheld(db: ClickworkDB, pseudonym: string): Promise<void> {
  await db.meta.delete(metaKey(pseudonym));
}
