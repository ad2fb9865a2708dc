import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exportJsonSchema } from '@/lib/research/json-schema';
import { sampleExports } from './export-samples';

/**
 * A third implementation, where it is installed: Python's `jsonschema` (what many researchers use),
 * which failed on every version 2 file with rows (relative `$id`). Skipped, with a message, when
 * python3 or the module is absent (as in CI).
 */
const SCRIPT = `
import json, sys
from jsonschema import Draft202012Validator
data = json.load(sys.stdin)
Draft202012Validator.check_schema(data["schema"])
v = Draft202012Validator(data["schema"])
print(json.dumps([v.is_valid(f) for f in data["files"]]))
`;
const probe = spawnSync('python3', ['-c', 'import jsonschema'], { encoding: 'utf8' });
const available = probe.status === 0;
if (!available) console.warn('Python jsonschema is not installed here: its check of the export schema is skipped.');

describe.skipIf(!available)('Python jsonschema reads the export schema', () => {
  it('accepts the sample exports and refuses an e-mail participant, Feb 30 and an hour in a by-day study', async () => {
    const samples = Object.values(await sampleExports());
    const day = samples[0];
    if (!day) throw new Error('no sample');
    const first = day.rows[0];
    const bad = [
      { ...day, participant: 'alice@example.org' },
      { ...day, rows: [{ ...first, day: '2026-02-30' }] },
      { ...day, rows: [{ ...first, hour: 9 }] },
      { ...day, study_id: `${day.study_id}\n` }, // Python's $ matches before a final line break
    ];
    const run = spawnSync('python3', ['-c', SCRIPT], {
      input: JSON.stringify({ schema: exportJsonSchema(), files: [...samples, ...bad] }),
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([...samples.map(() => true), ...bad.map(() => false)]);
  });
});
