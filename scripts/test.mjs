// `npm test`: every check, in order, stopping at the first failure. Ends with one line
// "tests: N passed, N failed" counting the unit and end-to-end tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findBrowser } from './find-browser.mjs';

mkdirSync('test-results', { recursive: true });
for (const f of ['test-results/unit.json', 'test-results/e2e.json']) rmSync(f, { force: true });
const counts = { passed: 0, failed: 0 };

function run(label, cmd, args, env = {}) {
  const start = Date.now();
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${label} failed (${seconds} s)`);
    finish(1);
  }
  console.log(`✔ ${label} (${seconds} s)`);
}

function tally(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += report.numPassedTests ?? 0;
  counts.failed += report.numFailedTests ?? 0;
}

// Reports are tallied once, at the end, whether the run passed or stopped at a failure.
function finish(code) {
  for (const f of ['test-results/unit.json', 'test-results/e2e.json']) tally(f);
  console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(code);
}

function vitestStep(label, config, out) {
  rmSync(out, { force: true });
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  if (config) args.push('-c', config);
  run(label, 'npx', args);
}

run('typecheck', 'npx', ['tsc', '--noEmit']);
run('lint', 'npx', ['biome', 'check', '.']);
vitestStep('unit tests', null, 'test-results/unit.json');
run('build (Chrome MV3)', 'npx', ['wxt', 'build']);
run('build (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']);
run('zip (Chrome, Firefox)', 'npm', ['run', '--silent', 'zip']);
run('web-ext lint (Firefox build)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2']);
const chromium = findBrowser('chrome');
if (!chromium) {
  console.error('✖ end-to-end tests need Chromium: apt-get install chromium (Debian), or set CHROMIUM_PATH.');
  finish(1);
}
process.env.CHROMIUM_PATH = chromium;
// Firefox ESR runs the core scenarios too when it is installed (CI installs it); without it those
// tests are skipped with a message saying how to get it.
const firefox = findBrowser('firefox');
if (firefox) process.env.FIREFOX_PATH = firefox;
else console.warn('Firefox not found: the Firefox scenarios will be skipped (apt-get install firefox-esr, or set FIREFOX_PATH).');
vitestStep('end-to-end tests (headless Chromium, Firefox ESR)', 'vitest.e2e.config.ts', 'test-results/e2e.json');
finish(0);
