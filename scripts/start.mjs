// `npm start`: builds the extension in development mode and opens a browser with it loaded, in a
// fresh profile. `npm start -- --firefox` opens Firefox instead. The browser is found from
// CHROME_PATH / FIREFOX_PATH or the usual install paths (scripts/find-browser.mjs).
import { spawn } from 'node:child_process';
import { findBrowser } from './find-browser.mjs';

const firefox = process.argv.includes('--firefox');
const kind = firefox ? 'firefox' : 'chrome';
const binary = findBrowser(kind);
if (!binary) {
  console.error(
    firefox
      ? 'No Firefox found: install it (Debian: apt-get install firefox-esr) or set FIREFOX_PATH.'
      : 'No Chromium or Chrome found: install one (Debian: apt-get install chromium) or set CHROME_PATH.',
  );
  process.exit(1);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display: run it under a desktop session, or with a virtual one: xvfb-run -a npm start');
  process.exit(1);
}
console.log(`Opening ${binary} with Clickwork Meter loaded…`);
const child = spawn('npx', ['wxt', ...(firefox ? ['-b', 'firefox'] : [])], {
  stdio: 'inherit',
  env: { ...process.env, CLICKWORK_BROWSER: binary },
});
child.on('exit', (code) => process.exit(code ?? 0));
