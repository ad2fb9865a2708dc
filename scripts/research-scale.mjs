// `npm run research-scale -- --files 100000 [--dir PATH] [--keep] [--threads N] [--seed N]`:
// synthetic participant exports at scale, read by DuckDB with the documented queries
// (scripts/research-scale/main.ts; docs/research/README.md, "At scale"). Heavy: run it by hand,
// never from npm test. Exits 1 when a DuckDB total differs from the generated data.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runnerImport } from 'vite';

const args = process.argv.slice(2);
const value = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const files = Number(value('files', '1000'));
if (!Number.isInteger(files) || files < 1) {
  console.error('--files must be a positive whole number');
  process.exit(2);
}
const dir = value('dir', undefined) ?? mkdtempSync(join(tmpdir(), 'clickwork-research-scale-'));
const threads = value('threads', undefined);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const root = process.cwd();
const { module } = await runnerImport('/scripts/research-scale/main.ts', {
  configFile: false,
  root,
  logLevel: 'error',
  resolve: { alias: { '@': root } },
});
console.log(`${cpus().length} cores, load average ${load()} (1, 5, 15 min) at the start; folder ${dir}`);
let report;
try {
  report = await module.researchScale({
    files,
    dir,
    seed: Number(value('seed', '2026')),
    ...(threads ? { threads: Number(threads) } : {}),
    log: (line) => console.log(line),
  });
  console.log(module.describe(report).join('\n'));
  console.log(`load average ${load()} at the end`);
} finally {
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
process.exit(report?.ok ? 0 : 1);
