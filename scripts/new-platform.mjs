#!/usr/bin/env node
/**
 * `npm run new-platform <id> <host>`: writes a new platform's detector, content script, fixtures,
 * unit test, emulator and end-to-end test from scripts/new-platform/*.tpl, adds it to the registry,
 * the README's platform table and the fixtures' list, then prints what is left to fill in.
 *
 * The generated platform counts a like on its own hand-written page, so its tests pass from the
 * start; the work left is to replace the placeholders with the real markup and requests (cited).
 * `--dry-run` prints what would be written and changes nothing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path) => readFileSync(resolve(root, path), 'utf8');

function fail(message) {
  console.error(`new-platform: ${message}`);
  process.exit(1);
}

/** The platform's display name from lib/taxonomy.ts, or null when the id is not in the taxonomy. */
export function taxonomyName(taxonomy, id) {
  const names = taxonomy.slice(taxonomy.indexOf('export const PLATFORM_NAMES'));
  const key = id.includes('-') ? `'${id}'` : id;
  const m = new RegExp(`^\\s+${key.replace(/[-']/g, (c) => `\\${c}`)}: '([^']+)',$`, 'm').exec(names);
  return m ? m[1] : null;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const camelOf = (id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

/** The files to write, by path, from the templates. */
export function plannedFiles({ id, host, name }) {
  const testUrl = `https://${host}/item/1001`;
  const vars = {
    __ID__: id,
    __NAME__: name,
    __HOST__: host,
    __HOST_RE__: escapeRe(host),
    __CAMEL__: camelOf(id),
    __TEST_URL__: testUrl,
    __PAGE_RE__: escapeRe(testUrl),
    __PAGE2_RE__: escapeRe(`${testUrl}?hl=fr`),
    __LANG2__: 'fr',
  };
  const fill = (tpl, lang = 'en') =>
    Object.entries({ ...vars, __LANG__: lang }).reduce((s, [k, v]) => s.replaceAll(k, v), read(`scripts/new-platform/${tpl}`));
  return {
    [`lib/detectors/${id}.ts`]: fill('detector.ts.tpl'),
    [`entrypoints/${id}.content.ts`]: fill('content.ts.tpl'),
    [`tests/fixtures/${id}/page.html`]: fill('fixture.html.tpl'),
    [`tests/unit/${id}.test.ts`]: fill('unit.test.ts.tpl'),
    [`tests/e2e/emulators/${id}.js`]: fill('emulator.js.tpl'),
    [`tests/e2e/platforms/${id}.e2e.ts`]: fill('e2e.ts.tpl'),
  };
}

/** The registry with the platform's import (in order) and its entry (last). */
export function withRegistryEntry(registry, id) {
  const camel = camelOf(id);
  const line = `import ${camel} from './${id}';`;
  const imports = registry.match(/^import \w+ from '\.\/[\w-]+';$/gm) ?? [];
  const before = imports.find((l) => l.localeCompare(line) > 0);
  const withImport = before
    ? registry.replace(before, `${line}\n${before}`)
    : registry.replace(/^(import [^\n]+\n)(?!import)/m, `$1${line}\n`);
  return withImport.replace(/(export const DETECTORS: readonly Detector\[\] = \[\n[\s\S]*?)(\];)/, `$1  ${camel},\n$2`);
}

/** A README (or fixtures README) with `row` added after the last row of the table that `marker` starts. */
export function withTableRow(doc, marker, row) {
  const start = doc.indexOf(marker);
  if (start < 0) throw new Error(`no table starting with ${marker}`);
  // The table begins at the first line starting with "|" from the marker on (a heading may come first).
  const table = doc.startsWith('|', start) ? start : doc.indexOf('\n|', start);
  if (table < 0) throw new Error(`no table after ${marker}`);
  const end = doc.indexOf('\n\n', table);
  return `${doc.slice(0, end)}\n${row}${doc.slice(end)}`;
}

function main(argv) {
  const dry = argv.includes('--dry-run');
  const [id, host] = argv.filter((a) => !a.startsWith('--'));
  if (!id || !host) fail('usage: npm run new-platform <id> <host>   (for example: npm run new-platform yelp www.yelp.com)');
  if (!/^[a-z][a-z0-9-]*$/.test(id)) fail(`"${id}" is not a platform id (lower case, digits and -)`);
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) fail(`"${host}" is not a host name (for example www.example.com)`);
  const name = taxonomyName(read('lib/taxonomy.ts'), id);
  if (!name)
    fail(
      `"${id}" is not in the taxonomy. Platform ids are public: add it to labor-taxonomy.md's contract first, then to lib/taxonomy.ts (PLATFORM_BENEFICIARY, PLATFORM_NAMES); see CONTRIBUTING.md.`,
    );
  const registry = read('lib/detectors/registry.ts');
  if (registry.includes(`from './${id}';`)) fail(`${id} is already in lib/detectors/registry.ts`);
  const files = plannedFiles({ id, host, name });
  const clash = Object.keys(files).filter((p) => existsSync(resolve(root, p)));
  if (clash.length) fail(`these files exist already: ${clash.join(', ')}`);

  const edits = {
    'lib/detectors/registry.ts': withRegistryEntry(registry, id),
    'README.md': withTableRow(
      read('README.md'),
      '| platform ',
      `| ${name} (\`${id}\`) | likes and their undo (\`reaction\`/\`like\`) — **unconfirmed** (TODO: what is counted and why it is that kind) | TODO: selectors and requests, each with where and when it was seen |`,
    ),
    'tests/fixtures/README.md': withTableRow(
      read('tests/fixtures/README.md'),
      '## Hand-written pages',
      `| \`${id}/page.html\` | hand-written by \`npm run new-platform\`: TODO say which real markup it imitates |`,
    ),
  };
  for (const [path, text] of Object.entries({ ...files, ...edits })) {
    console.log(`${path in files ? 'write ' : 'change'} ${path}`);
    if (dry) continue;
    mkdirSync(dirname(resolve(root, path)), { recursive: true });
    writeFileSync(resolve(root, path), text);
  }
  console.log(`
${name} (${id}) counts a like on its generated page. Left to do by hand (CONTRIBUTING.md, "Add a platform"):
  1. lib/detectors/${id}.ts: the real controls, scope, target and requests, each selector alternative
     and request rule with a comment citing where and when it was seen; remove \`unconfirmed\` only
     when a saved page or public code confirms it.
  2. tests/fixtures/${id}/page.html: the real markup, items 1001 and 1002 (the tests also serve it in French).
  3. tests/e2e/emulators/${id}.js: what the platform's page does on a click (its request, then its state).
  4. tests/unit/${id}.test.ts: the request cases at its end, after the platform's real requests.
  Then README.md's row for ${name}: what is counted, why it is that kind, and the evidence.
Then: npx vitest run tests/unit/${id}.test.ts tests/unit/registry.test.ts; npx wxt build;
      npx vitest run -c vitest.e2e.config.ts tests/e2e/platforms/${id}.e2e.ts`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
