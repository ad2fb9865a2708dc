import type { ClickworkDB } from '../db/schema';
import { applyDisclosure, type RuleEffect } from './disclosure-apply';
import { candidateRows } from './export';
import type { ExportRow } from './format';
import { keyedNoise, noiseSecret } from './noise';
import { type Enrolment, enrolments } from './study';
import { studyKey } from './study-extras';

/** What the review shows: the file's rows (before the participant removes any) and each rule's effect. */
export interface Disclosed {
  rows: ExportRow[];
  effects: RuleEffect[];
}

/** Redraws allowed before giving up on telling two studies' files apart (each one succeeds with probability ≥ 1 − P(no noise)). */
const MAX_ATTEMPTS = 32;

const hasNoise = (e: Enrolment) => Boolean(e.study.disclosure?.some((r) => r.noise));

/** A file's rows without the study and pseudonym (which always differ): what could link two studies. */
const content = (rows: readonly ExportRow[]) =>
  rows
    .map(({ study_id: _s, participant: _p, ...r }) => JSON.stringify(r))
    .sort()
    .join('\n');

/** The rows under the study's rules, with the noise of one attempt. */
async function attempt(db: ClickworkDB, enrolment: Enrolment, exact: ExportRow[], n: number): Promise<Disclosed> {
  const rules = enrolment.study.disclosure;
  if (!rules) return { rows: exact, effects: [] };
  const secret = rules.some((r) => r.noise) ? await noiseSecret(db, enrolment.pseudonym) : undefined;
  return applyDisclosure(exact, rules, (keys, epsilon) => keyedNoise(secret as Uint8Array, keys, epsilon, n));
}

/**
 * The rows a participant reviews for a study: its candidate rows under its disclosure rules. Where
 * the study asks for noise, the file never holds the same rows as another study's file on this
 * browser, by construction: the noise is redrawn (the next attempt of the same secret, so still the
 * same in every file) while it equals the file of a study without noise, or of a study with noise
 * joined earlier (whose own file is settled the same way, before this one); after 32 draws, one
 * noised row gets one more action. Compared before the participant removes rows; a file without
 * any row of a kind with noise cannot be told apart this way.
 */
export async function disclosedRows(db: ClickworkDB, enrolment: Enrolment, now = Date.now()): Promise<Disclosed> {
  const exact = await candidateRows(db, enrolment, now);
  if (!hasNoise(enrolment)) return attempt(db, enrolment, exact, 0);
  const list = await enrolments(db);
  const me = list.findIndex((e) => studyKey(e.study) === studyKey(enrolment.study));
  const others = list.filter((e, i) => i !== me && (!hasNoise(e) || (me >= 0 && i < me)));
  const taken = new Set<string>();
  for (const other of others) taken.add(content((await disclosedRows(db, other, now)).rows));
  let out = await attempt(db, enrolment, exact, 0);
  for (let n = 1; n < MAX_ATTEMPTS && out.rows.length > 0 && taken.has(content(out.rows)); n++)
    out = await attempt(db, enrolment, exact, n);
  if (taken.has(content(out.rows))) nudge(enrolment, out, taken);
  return out;
}

/**
 * Where every redraw still matched (a large ε draws noise 0 nearly always), the first row of a kind
 * with noise gets one more action at a time until the file differs from every file it was compared with.
 */
function nudge(enrolment: Enrolment, out: Disclosed, taken: Set<string>): void {
  const noisy = new Set(enrolment.study.disclosure?.filter((r) => r.noise).flatMap((r) => r.kinds));
  const row = out.rows.find((r) => noisy.has(r.kind));
  if (!row) return;
  const effect = out.effects.find((e) => enrolment.study.disclosure?.[e.rule]?.kinds.includes(row.kind));
  while (taken.has(content(out.rows))) {
    row.count += 1;
    if (effect) effect.totalAfter += 1;
  }
}
