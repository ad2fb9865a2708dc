import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { DETECTORS } from './lib/detectors/registry';
import { hostPermissions } from './lib/permissions';

// The extension pages' chunks (see 'vite:build:extendConfig' below).
const DETECTORS_CHUNK = /[\\/]lib[\\/](detectors|content)[\\/]|[\\/]components[\\/](HealthPanel|PlatformSwitches)\.tsx$/;
const RESEARCH_CHUNK = /[\\/]lib[\\/]research[\\/]|[\\/]node_modules[\\/]fflate[\\/]/;
const APP_CHUNK = /[\\/](lib|components)[\\/]/;

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

export default defineConfig({
  hooks: {
    // The extension's pages share their code in four chunks (the libraries', ours, the detectors' and
    // the research code's) instead of one chunk per combination of pages that use a module: a page's
    // first draw waited on every file it loads (the popup's 13 module files took ~100 ms to arrive, the
    // main thread idle meanwhile).
    // Content scripts and the background are built apart (one file each) and are not concerned.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.inputPath.endsWith('.html'))) return;
      const output = config.build?.rollupOptions?.output;
      if (!output || Array.isArray(output)) return;
      output.codeSplitting = {
        // A group takes the modules its test names and no others (by default it also takes what they import).
        includeDependenciesRecursively: false,
        groups: [
          // Libraries, and the bundler's and WXT's small helper modules (no file path of their own).
          { name: 'vendor', test: /[\\/]node_modules[\\/](?!fflate[\\/])|^\0|preload-helper|wxt-html-plugins/ },
          // The detectors (with the content scripts' modules they import and the two panels drawn from
          // the registry) and the research files' code (with the zip library only it uses) apart: the
          // popup and the dashboard draw their first chart without them (about half of our code, which
          // had to arrive and be parsed before their script ran). No module of `app` imports them
          // statically, so they load after it and no chunk imports another in a cycle (which would
          // let a module run before one it needs): tests/e2e/page-code.e2e.ts checks both builds.
          { name: 'detectors', test: DETECTORS_CHUNK },
          { name: 'research-lib', test: RESEARCH_CHUNK },
          { name: 'app', test: APP_CHUNK },
        ],
      };
    },
    // The toolbar button's icon, on Chrome's action and Firefox MV2's browser_action alike (WXT builds the
    // latter from the popup entrypoint and leaves out an icon given in `action`).
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const button of [manifest.action, manifest.browser_action]) if (button) button.default_icon = ICONS;
    },
  },
  // A separate output folder lets builds run side by side (CLICKWORK_OUT_DIR); .output by default.
  ...(process.env.CLICKWORK_OUT_DIR ? { outDir: process.env.CLICKWORK_OUT_DIR } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
  zip: {
    // Saved third-party pages never ship, not even in the sources zip: tests read them from ../shared
    // at run time (tests/real-pages.ts); these keep any stray local copy out of the archive.
    excludeSources: ['**/*.real.html', '**/*.html.gz', '**/captures/**', '**/holdout-captures/**', 'shared/**'],
  },
  vite: () => ({
    plugins: [preact()],
    // CLICKWORK_NO_MINIFY=1: readable function names in a profile of the built pages (issue 14's measurements).
    ...(process.env.CLICKWORK_NO_MINIFY ? { build: { minify: false } } : {}),
    // The class-totals page's worker is an ES module (new Worker(…, { type: 'module' })), bundled whole
    // into the extension and loaded from its own origin: the default extension CSP allows it.
    worker: { format: 'es' },
    resolve: {
      // WXT's generated content-script entry builds its ContentScriptContext, which announces every
      // script to the page and stops when the page dispatches the matching event: an inert stand-in
      // takes its place (the scripts run in lib/content/context.ts instead).
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: resolve(import.meta.dirname, 'lib/content/wxt-context.ts'),
        },
      ],
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: the tracking choices content scripts read (lib/db/tracking.ts publishTracking).
    // alarms: the weekly look back's hourly check (lib/background/weekly.ts), which MV3 does not grant without it.
    permissions: ['alarms', 'storage', 'webRequest'],
    host_permissions: hostPermissions(DETECTORS),
    // notifications: asked for only when the user chooses the weekly look back as a notification.
    // https://*/*: asked for one origin at a time, only when the participant clicks "Send to the study"
    // (or sends a withdrawal request) for a study whose file names an https address: lib/research/send.ts.
    // (Firefox's MV2 manifest lists optional hosts among optional_permissions.)
    ...(browser === 'firefox'
      ? { optional_permissions: ['notifications', 'https://*/*'] }
      : { optional_permissions: ['notifications'], optional_host_permissions: ['https://*/*'] }),
    // Drawn in assets/icon.svg, rasterized by scripts/icons.mjs; the button's copy is added below.
    icons: ICONS,
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'clickwork-meter@clickwork.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android has every API the extension uses (webRequest with request bodies,
            // storage, alarms, notifications, permissions.request from 120; README "Install"); 142
            // reads data_collection_permissions there too.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
