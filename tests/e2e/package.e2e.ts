import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '@/lib/detectors/registry';
import { root } from './harness';

/**
 * What the packages ask for and carry, read from the built output (`npm test` builds both before
 * the end-to-end tests): the privacy section of the README names these checks.
 */
const BUILDS = { chrome: resolve(root, '.output/chrome-mv3'), firefox: resolve(root, '.output/firefox-mv2') };

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

for (const [browser, dir] of Object.entries(BUILDS)) {
  describe(`the ${browser} package`, () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const hosts: string[] =
      browser === 'chrome' ? manifest.host_permissions : manifest.permissions.filter((p: string) => p.includes('://'));
    const apis: string[] = (manifest.permissions as string[]).filter((p) => !p.includes('://'));

    it('asks for webRequest, storage and alarms only (notifications optional), and https:// hosts only (no <all_urls>)', () => {
      expect(apis.sort()).toEqual(['alarms', 'storage', 'webRequest']);
      // The weekly look back's notification is asked for at the user's click, never at installation.
      expect(manifest.optional_permissions).toContain('notifications');
      expect(hosts.length).toBeGreaterThan(10);
      for (const h of hosts) expect(h, h).toMatch(/^https:\/\/[^*/]*[a-z0-9]\/|^https:\/\/\*\.[a-z0-9.-]+\//);
      expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    });

    it('lists https://*/* as optional only: asked for one study origin at the Send click, never at installation', () => {
      if (browser === 'chrome') {
        expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
        expect(manifest.optional_permissions).toEqual(['notifications']);
      } else {
        expect(manifest.optional_permissions).toEqual(['notifications', 'https://*/*']);
        expect(manifest.optional_host_permissions).toBeUndefined();
      }
      expect([...hosts, ...apis]).not.toContain('https://*/*');
    });

    if (browser === 'firefox') {
      it('allows Firefox for Android, from the version that reads its data-collection declaration', () => {
        expect(manifest.browser_specific_settings.gecko_android).toEqual({ strict_min_version: '142.0' });
      });
    }

    it('lets no web page message it, relaxes no content security policy, exposes no file to pages', () => {
      for (const key of ['externally_connectable', 'content_security_policy', 'web_accessible_resources'])
        expect(manifest[key], key).toBeUndefined();
    });

    it('loads only its own scripts, and evaluates no string as code', () => {
      const all = files(dir);
      for (const page of all.filter((f) => f.endsWith('.html'))) {
        for (const [, src] of readFileSync(page, 'utf8').matchAll(/<script\b[^>]*\bsrc="([^"]*)"/g))
          expect(src, page).toMatch(/^\/(?!\/)/);
      }
      const scripts = all.filter((f) => f.endsWith('.js'));
      expect(scripts.length).toBeGreaterThan(20);
      for (const js of scripts)
        expect(readFileSync(js, 'utf8'), js).not.toMatch(/\beval\(|new Function\(|importScripts\(\s*['"`]https?:/);
    });

    it('leaves the network rules to the background: no content script carries a request decoder, a rule URL or an API host', () => {
      const script = (id: string) => readFileSync(join(dir, 'content-scripts', `${id}.js`), 'utf8');
      const background = readFileSync(join(dir, 'background.js'), 'utf8');
      // YouTube's comment-token decoder (lib/detectors/youtube.ts commentAction) throws this on a bad token.
      expect(background).toContain('bad varint');
      expect(script('youtube')).not.toContain('bad varint');
      let urls = 0;
      let hosts = 0;
      for (const d of DETECTORS) {
        const code = script(d.id);
        const own = new Set(d.matches.map((m) => new URL(m.replace('://*.', '://x.')).host));
        for (const url of new Set((d.network ?? []).flatMap((r) => r.urls))) {
          // A rule URL written out (most are; YouTube's are put together from parts) is in the background only.
          const base = url.replace(/\?\*$/, '').replace(/\*$/, '');
          if (!d.matches.includes(url)) {
            urls++;
            expect(code, `${d.id}: ${base}`).not.toContain(base);
          }
          if (url.includes('://*.')) continue;
          const host = new URL(base).host;
          if (own.has(host)) continue;
          hosts++;
          expect(background, host).toContain(host);
          expect(code, `${d.id}: ${host}`).not.toContain(host);
        }
      }
      expect(urls).toBeGreaterThan(40);
      expect(hosts).toBeGreaterThanOrEqual(3);
    });

    it("the release build's background has no benchmark hook", () => {
      const background = files(dir).filter((f) => /background\.js$/.test(f));
      expect(background).toHaveLength(1);
      const code = readFileSync(background[0] as string, 'utf8');
      expect(code).not.toContain('clickworkBench');
      expect(code).not.toContain('WXT_BENCH');
    });

    it('declares its icon at 16, 32, 48 and 128 px (PNGs of those sizes) for the extension, the button and every page', () => {
      const button = manifest.action ?? manifest.browser_action;
      for (const icons of [manifest.icons, button.default_icon]) {
        expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
        for (const [size, file] of Object.entries(icons as Record<string, string>)) {
          const png = readFileSync(join(dir, file));
          expect(png.subarray(1, 4).toString(), file).toBe('PNG');
          // IHDR: width and height, big-endian, at bytes 16 and 20.
          expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([Number(size), Number(size)]);
        }
      }
      const pages = files(dir).filter((f) => f.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(5);
      for (const page of pages) {
        const hrefs = [...readFileSync(page, 'utf8').matchAll(/<link rel="icon"[^>]*href="\/([^"]+)"/g)].map((m) => m[1]);
        expect(hrefs.length, page).toBeGreaterThan(0);
        for (const href of hrefs) expect(readFileSync(join(dir, href as string)).length, href).toBeGreaterThan(0);
      }
    });
  });
}
