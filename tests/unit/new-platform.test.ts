import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '@/lib/detectors/registry';
import { PLATFORM_IDS, PLATFORM_NAMES } from '@/lib/taxonomy';
import { plannedFiles, taxonomyName, withRegistryEntry, withTableRow } from '../../scripts/new-platform.mjs';
import { root } from './helpers';

const read = (path: string) => readFileSync(resolve(root, path), 'utf8');
// A taxonomy id no detector uses yet (the generator refuses ids outside the taxonomy).
const free = PLATFORM_IDS.find((p) => p !== 'other' && p !== 'practice' && !DETECTORS.some((d) => d.id === p));

describe('npm run new-platform', () => {
  it('reads every platform name from the taxonomy module, hyphenated ids included', () => {
    const taxonomy = read('lib/taxonomy.ts');
    for (const p of PLATFORM_IDS) expect(taxonomyName(taxonomy, p), p).toBe(PLATFORM_NAMES[p]);
    expect(taxonomyName(taxonomy, 'myspace')).toBeNull();
  });

  it.skipIf(!free)('writes the six files of a platform with every placeholder filled', () => {
    const files = plannedFiles({ id: free as string, host: 'www.example.com', name: 'Example' });
    expect(Object.keys(files).sort()).toEqual(
      [
        `entrypoints/${free}.content.ts`,
        `lib/detectors/${free}.ts`,
        `tests/e2e/emulators/${free}.js`,
        `tests/e2e/platforms/${free}.e2e.ts`,
        `tests/fixtures/${free}/page.html`,
        `tests/unit/${free}.test.ts`,
      ].sort(),
    );
    for (const [path, text] of Object.entries(files)) expect(text, path).not.toMatch(/__[A-Z0-9_]+__/);
    expect(files[`lib/detectors/${free}.ts`]).toContain(`id: '${free}'`);
    // One fixture: the tests serve it in a second interface language themselves, and find the
    // controls with the detector's selectors (filling the detector and fixture leaves them as they are).
    expect(files[`tests/unit/${free}.test.ts`]).toContain('<html lang="fr"');
    // The second language changes the labels too, not only <html lang>: no control is found by its words.
    for (const test of [`tests/unit/${free}.test.ts`, `tests/e2e/platforms/${free}.e2e.ts`]) {
      expect(files[test], test).toContain(`.replaceAll('aria-label="Like"', 'aria-label="J’aime"')`);
    }
    expect(files[`tests/fixtures/${free}/page.html`]).toContain('aria-label="Like"');
    expect(files[`tests/fixtures/${free}/page.html`]).toContain('>First item<');
    expect(files[`tests/unit/${free}.test.ts`]).not.toContain('data-clickwork-template');
    expect(files[`tests/e2e/platforms/${free}.e2e.ts`]).not.toContain('data-clickwork-template');
  });

  it.skipIf(!free)('adds the import in order and the entry last, and a README row the registry test reads', () => {
    const registry = withRegistryEntry(read('lib/detectors/registry.ts'), free as string);
    const imports = registry.match(/^import \w+ from '\.\/[\w-]+';$/gm) ?? [];
    expect(imports).toEqual([...imports].sort((a, b) => a.localeCompare(b)));
    expect(registry).toMatch(/ {2}\w+,\n\];/);
    const readme = withTableRow(read('README.md'), '| platform ', `| Example (\`${free}\`) | … |`);
    const rows = readme.split('\n');
    const at = rows.findIndex((l) => l.startsWith(`| Example (\`${free}\`)`));
    expect(rows[at - 1]?.startsWith('| ')).toBe(true); // inside the platform table, after its last row
    expect(rows[at + 1]).toBe('');
  });

  it('adds a fixtures row inside the table that follows a heading, not between the heading and it', () => {
    const doc = withTableRow(read('tests/fixtures/README.md'), '## Hand-written pages', '| `made-up/page.html` | … |');
    const rows = doc.split('\n');
    const at = rows.indexOf('| `made-up/page.html` | … |');
    const header = rows.indexOf('| file | origin |', rows.indexOf('## Hand-written pages'));
    expect(header).toBeGreaterThan(0);
    expect(at).toBeGreaterThan(header);
    expect(rows[at - 1]?.startsWith('| ')).toBe(true);
    expect(rows[at + 1]).toBe('');
  });
});
