// Finds a browser binary for `npm start` and the tests: an environment variable first, then the
// usual install paths on Linux, macOS and Windows.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = {
  chrome: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
  firefox: [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/snap/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
    'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
  ],
};

const ENV = { chrome: ['CHROME_PATH', 'CHROMIUM_PATH'], firefox: ['FIREFOX_PATH'] };
const NAMES = { chrome: ['chromium', 'chromium-browser', 'google-chrome'], firefox: ['firefox-esr', 'firefox'] };

/** @param {'chrome' | 'firefox'} kind @returns {string | undefined} */
export function findBrowser(kind) {
  for (const name of ENV[kind]) if (process.env[name]) return process.env[name];
  const found = CANDIDATES[kind].find((p) => existsSync(p));
  if (found) return found;
  for (const name of NAMES[kind]) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (path) return path;
    } catch {
      // not on PATH
    }
  }
  return undefined;
}
