/**
 * Real saved pages of the platforms, for unit and end-to-end tests. They belong to the platforms and
 * to the people who saved them, so the project carries no copy: they are read at run time from the
 * workspace's `../shared/fixtures/captures/` and `../shared/holdout-captures/` (`.html` or `.html.gz`).
 *
 * A test file declares the pages it needs with `realPages(...)`. When one is missing (a clone outside
 * the workspace), the file's real-page tests are skipped (`it.skipIf(real.skip)`) after one line naming
 * the missing pages; with CI set, a missing page is an error instead, so CI never skips them silently.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const SHARED = resolve(import.meta.dirname, '../../shared');
const FOLDERS = ['fixtures/captures', 'holdout-captures'];

function locate(name: string): string | undefined {
  for (const folder of FOLDERS) {
    for (const file of [name, `${name}.gz`]) {
      const path = resolve(SHARED, folder, file);
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}

/** One real page's text, by its file name in ../shared; throws naming the file when it is not there. */
export function readRealPage(name: string): string {
  const path = locate(name);
  if (!path) throw new Error(`Real page ${name} not found in ${FOLDERS.map((f) => `${SHARED}/${f}`).join(' or ')}.`);
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

export interface RealPages {
  /** The pages asked for that are not in ../shared. */
  missing: string[];
  /** True when a page is missing: the tests that read them are skipped. */
  skip: boolean;
  /** A page asked for, as saved. */
  read(name: string): string;
}

/** The real pages a test file needs: says in one line which are missing, and fails under CI. */
export function realPages(...names: string[]): RealPages {
  const missing = names.filter((n) => !locate(n));
  if (missing.length) {
    const line = `Real pages missing (${missing.join(', ')}) in ${SHARED}`;
    if (process.env.CI && process.env.CI !== 'false') throw new Error(`${line}: CI must run every real-page test.`);
    console.warn(`${line}: the tests on them are skipped.`);
  }
  return {
    missing,
    skip: missing.length > 0,
    read(name) {
      if (!names.includes(name)) throw new Error(`Real page ${name} was not declared in realPages(...).`);
      return readRealPage(name);
    },
  };
}
