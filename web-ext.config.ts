import { defineWebExtConfig } from 'wxt';

// The browser `npm start` found (scripts/start.mjs); a user's own ~/web-ext.config.ts still wins.
const binary = process.env.CLICKWORK_BROWSER;
const root = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineWebExtConfig({
  binaries: binary ? { chrome: binary, firefox: binary } : {},
  // Chromium refuses to run as root without it (containers, CI machines).
  chromiumArgs: root ? ['--no-sandbox', '--disable-gpu'] : [],
});
