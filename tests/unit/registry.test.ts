import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { networkFilters } from '@/lib/background/network';
import { DETECTORS } from '@/lib/detectors/registry';
import type { DetectorPage } from '@/lib/detectors/types';
import { isValidPattern, matchesAny } from '@/lib/match-pattern';
import { hostPermissions, platformPatterns, releasablePatterns, shareHost } from '@/lib/permissions';
import {
  BENEFICIARIES,
  type BeneficiaryId,
  beneficiaryOf,
  isKind,
  isPlatformId,
  KIND_DETAILS,
  KINDS,
  PLATFORM_IDS,
  PLATFORM_NAMES,
  type PlatformId,
} from '@/lib/taxonomy';
import { root } from './helpers';

const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const entrypoints = readdirSync(resolve(root, 'entrypoints'));
/** Test files by name and text: the meta-test finds each platform's own tests in them. */
const testFiles = (dir: string, suffix: string) =>
  readdirSync(resolve(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .map((f) => ({ name: f, text: readFileSync(resolve(root, dir, f), 'utf8') }));
const unitTests = testFiles('tests/unit', '.test.ts');
const e2eTests = testFiles('tests/e2e', '.e2e.ts');
const harness = readFileSync(resolve(root, 'tests/e2e/harness.ts'), 'utf8');

describe('detector registry', () => {
  it('has unique ids from the taxonomy', () => {
    const ids = DETECTORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(isPlatformId(id), id).toBe(true);
  });

  for (const d of DETECTORS) {
    describe(d.id, () => {
      it('has valid match patterns and network filters', () => {
        expect(d.matches.length).toBeGreaterThan(0);
        for (const p of [...d.matches, ...(d.network ?? []).flatMap((r) => r.urls)]) expect(isValidPattern(p), p).toBe(true);
      });

      it('tells its content script the truth about its network rules, and gives it the page part alone', async () => {
        const rules = d.network ?? [];
        expect(Boolean(d.requests), 'requests present exactly when there are network rules').toBe(rules.length > 0);
        expect(d.requests?.navigation === true, 'requests.navigation exactly when a rule reads page loads').toBe(
          rules.some((r) => r.navigation === true),
        );
        const source = readFileSync(resolve(root, 'entrypoints', `${d.id}.content.ts`), 'utf8');
        if (rules.length === 0) return;
        // The page part has everything of the detector but its rules (tests/e2e/package.e2e.ts checks the built scripts).
        expect(source).toContain(`import { page as detector } from '@/lib/detectors/${d.id}';`);
        const { page } = (await import(`../../lib/detectors/${d.id}.ts`)) as { page: DetectorPage };
        expect(page).not.toHaveProperty('network');
        expect({ ...page, network: d.network }).toEqual(d);
      });

      it('declares actions of known kinds, and every control names a declared action', () => {
        for (const [id, a] of Object.entries(d.actions)) expect(isKind(a.kind), `${id}: ${a.kind}`).toBe(true);
        for (const s of d.submits ?? []) expect(d.actions[s.action], s.action).toBeDefined();
      });

      it('has test URLs on its own pages', () => {
        expect(d.testUrls.length).toBeGreaterThan(0);
        for (const u of d.testUrls) expect(matchesAny(d.matches, u), u).toBe(true);
      });

      it('has its content script entrypoint, and nothing else claims its pages', () => {
        const file = resolve(root, 'entrypoints', `${d.id}.content.ts`);
        expect(existsSync(file)).toBe(true);
        expect(readFileSync(file, 'utf8')).toContain(`@/lib/detectors/${d.id}'`);
      });

      it('has a unit test on its detector and an end-to-end test on its pages', () => {
        const unit = unitTests.filter((f) => f.text.includes(`@/lib/detectors/${d.id}'`));
        expect(
          unit.map((f) => f.name),
          'a tests/unit file importing the detector',
        ).not.toEqual([]);
        // Its pages served (its fixtures or emulator), and its events expected by platform id.
        const serves = new RegExp(`fixture\\(['\`]${d.id}/|withEmulator\\([^;]*'${d.id}'\\)`);
        const expects = new RegExp(`platform: '${d.id}'|['\`]${d.id}/[a-z-]+/[a-z-]+`);
        const e2e = e2eTests.filter((f) => (serves.test(f.text) || serves.test(harness)) && expects.test(f.text));
        expect(
          e2e.map((f) => f.name),
          'a tests/e2e file counting its actions on its pages',
        ).not.toEqual([]);
      });

      it('has fixtures', () => {
        const dir = resolve(root, 'tests/fixtures', d.id);
        expect(readdirSync(dir).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(0);
      });

      it('has a row in the README platform table', () => {
        expect(readme).toMatch(new RegExp(`^\\| ${d.label} \\(\`${d.id}\`\\) +\\|`, 'm'));
      });

      it('marks what is unconfirmed where users see it: declared actions, and the README row says so', () => {
        for (const a of d.unconfirmed ?? []) expect(d.actions[a], a).toBeDefined();
        const row = readme.split('\n').find((l) => l.startsWith(`| ${d.label} (\`${d.id}\`)`)) ?? '';
        expect(row.includes('**unconfirmed**'), row.slice(0, 60)).toBe(Boolean(d.unconfirmed?.length));
      });

      it('names every kind and detail it counts in its README row', () => {
        const row = readme.split('\n').find((l) => l.startsWith(`| ${d.label} (\`${d.id}\`)`)) ?? '';
        const counted = row.split(' | ')[1] ?? '';
        for (const a of Object.values(d.actions)) {
          expect(counted, `${a.kind}/${a.detail}`).toContain(`\`${a.kind}\`/`);
          expect(counted, `${a.kind}/${a.detail}`).toContain(`\`${a.detail}\``);
        }
      });
    });
  }

  it('counts every kind of the taxonomy on at least two real platforms, and the heavy labor on the issue’s minimum', () => {
    const platformsOf = (kind: string) =>
      new Set(
        DETECTORS.filter((d) => d.id !== 'practice' && Object.values(d.actions).some((a) => a.kind === kind)).map((d) => d.id),
      );
    for (const k of KINDS) expect(platformsOf(k).size, k).toBeGreaterThanOrEqual(2);
    // Issue 11: reviews on four platforms, tags on three, AI feedback on five assistants.
    expect(platformsOf('review').size).toBeGreaterThanOrEqual(4);
    expect(platformsOf('tag').size).toBeGreaterThanOrEqual(3);
    expect(platformsOf('ai-feedback').size).toBeGreaterThanOrEqual(5);
    expect(platformsOf('moderation').size).toBeGreaterThanOrEqual(3);
  });

  it('has no content script without a registry entry', () => {
    const scripts = entrypoints.filter((f) => f.endsWith('.content.ts')).map((f) => f.replace('.content.ts', ''));
    expect(scripts.sort()).toEqual(DETECTORS.map((d) => d.id).sort());
  });

  it('derives host permissions that cover every page and endpoint, and nothing else', () => {
    const perms = hostPermissions(DETECTORS);
    const needed = [...DETECTORS.flatMap((d) => d.matches), ...networkFilters(DETECTORS)];
    for (const p of needed) {
      const sample = p.replace(/\*/g, 'sample');
      expect(matchesAny(perms, sample), p).toBe(true);
    }
    expect(perms.every((p) => needed.includes(p))).toBe(true);
    expect(perms).not.toContain('<all_urls>');
  });

  it('asks for https pages and endpoints only: no http:// or any-scheme pattern', () => {
    const all = [...DETECTORS.flatMap((d) => d.matches), ...networkFilters(DETECTORS), ...hostPermissions(DETECTORS)];
    expect(all.length).toBeGreaterThan(0);
    for (const p of all) expect(p, p).toMatch(/^https:\/\//);
    for (const d of DETECTORS)
      expect(matchesAny(platformPatterns(d), d.testUrls[0]?.replace('https:', 'http:') ?? ''), d.id).toBe(false);
  });

  it('gives each platform the patterns of its pages and endpoints, which together are the manifest’s', () => {
    for (const d of DETECTORS) {
      const own = platformPatterns(d);
      for (const p of [...d.matches, ...networkFilters([d])]) {
        expect(matchesAny(own, p.replace(/\*/g, 'sample')), `${d.id}: ${p}`).toBe(true);
      }
    }
    const union = DETECTORS.flatMap(platformPatterns);
    for (const p of hostPermissions(DETECTORS)) expect(union, p).toContain(p);
  });

  it('knows which platforms share a host, so that switching one off never takes access another needs', () => {
    const shared = DETECTORS.flatMap((a) =>
      DETECTORS.filter(
        (b) => a.id < b.id && platformPatterns(a).some((p) => platformPatterns(b).some((q) => shareHost(p, q))),
      ).map((b) => `${a.id}+${b.id}`),
    );
    // None today: reCAPTCHA is on www.google.com and www.recaptcha.net, Gemini on gemini.google.com,
    // YouTube on its own hosts. A platform added on a shared host keeps it for the other (tracking.test.ts).
    expect(shared).toEqual([]);
    expect(shareHost('*://www.google.com/recaptcha/api2/*', '*://www.google.com/maps/*')).toBe(true);
    expect(shareHost('*://www.google.com/recaptcha/api2/*', '*://gemini.google.com/*')).toBe(false);
    for (const d of DETECTORS) expect(releasablePatterns(d.id, DETECTORS, () => true)).toEqual(platformPatterns(d));
  });
});

describe('taxonomy and catalogue', () => {
  const en = JSON.parse(readFileSync(resolve(root, 'public/_locales/en/messages.json'), 'utf8'));
  const fr = JSON.parse(readFileSync(resolve(root, 'public/_locales/fr/messages.json'), 'utf8'));

  // The public contract, read at run time (tests skip it with a message when ../shared is absent).
  const contract = resolve(root, '../shared/reference/labor-taxonomy.md');
  const taxonomy = existsSync(contract) ? readFileSync(contract, 'utf8') : undefined;
  const section = (title: string) => taxonomy?.split(/^## /m).find((s) => s.startsWith(title)) ?? '';

  it.skipIf(!taxonomy)('has every kind and platform of labor-taxonomy.md, with its beneficiary', () => {
    const kinds = [...section('Action kinds').matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect([...KINDS]).toEqual(kinds);
    const table = section('Platforms');
    const pairs = [...table.matchAll(/`([a-z-]+)` \| ([^|]+?) \|/g)].map((m) => [m[1], (m[2] as string).trim()]);
    expect(pairs.length).toBeGreaterThan(0);
    for (const [id, company] of pairs) {
      expect(isPlatformId(id), id).toBe(true);
      // `practice` is written "nobody: the extension's own practice page…" in the contract.
      expect(company?.startsWith(BENEFICIARIES[beneficiaryOf(id as PlatformId)]), `${id}: ${company}`).toBe(true);
    }
    // `other` (hand-entered actions on a site the taxonomy does not name) is the only id it lacks.
    expect(PLATFORM_IDS.filter((p) => !pairs.some(([id]) => id === p))).toEqual(['other']);
  });

  it('names every platform, and every detector by that name', () => {
    for (const p of PLATFORM_IDS) expect(PLATFORM_NAMES[p], p).toBeTruthy();
    for (const d of DETECTORS) expect(d.label, d.id).toBe(PLATFORM_NAMES[d.id]);
    const used = new Set(PLATFORM_IDS.map(beneficiaryOf));
    expect(Object.keys(BENEFICIARIES).filter((b) => !used.has(b as BeneficiaryId))).toEqual([]);
  });

  it('labels and explains every kind and every detail it names, in both languages', () => {
    for (const k of KINDS) {
      for (const key of [`explain_${k.replace('-', '_')}`, ...KIND_DETAILS[k].map((d) => `detail_${d.replaceAll('-', '_')}`)]) {
        expect(en[key], key).toBeDefined();
        expect(fr[key], key).toBeDefined();
      }
    }
  });

  it('lists every kind in the data dictionaries', () => {
    const research = readFileSync(resolve(root, 'docs/research/README.md'), 'utf8');
    for (const doc of [readme, research]) {
      const row = doc.split('\n').find((l) => /^\| `kind` +\|/.test(l)) ?? '';
      expect(row.match(/`[a-z-]+`/g)?.slice(1)).toEqual(KINDS.map((k) => `\`${k}\``));
    }
  });

  it('has English and French with the same keys and placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(Object.keys(fr[key].placeholders ?? {}).sort(), key).toEqual(Object.keys(en[key].placeholders ?? {}).sort());
      expect(fr[key].message.length, key).toBeGreaterThan(0);
    }
  });

  it('labels every kind in both languages', () => {
    for (const k of KINDS) {
      const key = `kind_${k.replace('-', '_')}`;
      expect(en[key], key).toBeDefined();
      expect(fr[key], key).toBeDefined();
    }
  });
});

describe('health checks', () => {
  const pages: Record<string, string> = {
    youtube: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    x: 'https://x.com/TestUser123/status/1981398750557065646',
    recaptcha: 'https://www.google.com/recaptcha/api2/anchor?ar=1&k=K&co=x&hl=en&v=x&size=normal&cb=1',
  };
  for (const d of DETECTORS) {
    it(`${d.id}: has a health check whose page pattern matches one of its test URLs or fixtures`, () => {
      expect(d.health.controls.length).toBeGreaterThan(0);
      const urls = [...d.testUrls, ...(pages[d.id] ? [pages[d.id] as string] : [])];
      expect(
        urls.some((u) => d.health.pages.test(new URL(u).pathname + new URL(u).search)),
        d.id,
      ).toBe(true);
    });
  }
});
