import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { registerSchema, validate } from '@hyperjump/json-schema/draft-2020-12';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { mergeClass, readExportFile } from '@/lib/research/class';
import { exportJsonSchema } from '@/lib/research/json-schema';
import { sampleExports } from './export-samples';
import { root } from './helpers';

/**
 * docs/research/example-export.json: what the extension writes for a study by the hour with
 * hand-entered actions and a panel id. Kept equal to what the code writes (UPDATE_DOCS=1 rewrites
 * it), valid against the schema of the current version, and read back by the class totals page.
 */
const path = resolve(root, 'docs/research/example-export.json');

describe('docs/research/example-export.json', () => {
  it('is what the code writes today', async () => {
    const text = `${JSON.stringify((await sampleExports())['with-panel-id'], null, 2)}\n`;
    if (process.env.UPDATE_DOCS) writeFileSync(path, text);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('is valid against the export schema (ajv and Hyperjump)', async () => {
    const file = JSON.parse(readFileSync(path, 'utf8'));
    const schema = exportJsonSchema();
    expect(file.schema_version).toBe(schema.properties.schema_version.const);
    const ajv = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(ajv(file), JSON.stringify(ajv.errors)).toBe(true);
    registerSchema(schema as never);
    expect((await validate(schema.$id, file)).valid).toBe(true);
  });

  it('is read back by the class totals reader, whose totals are the file\u2019s', () => {
    const bytes = readFileSync(path);
    const read = readExportFile('example-export.json', new Uint8Array(bytes));
    expect(read, JSON.stringify(read)).toMatchObject({ ok: true, form: 'json' });
    if (!read.ok) return;
    const rows = JSON.parse(bytes.toString('utf8')).rows as { count: number; kind: string }[];
    const totals = mergeClass([{ name: 'example-export.json', file: read.file }]);
    expect(totals.participants).toBe(1);
    expect(totals.actions).toBe(rows.reduce((n, r) => n + r.count, 0));
    expect(totals.actions).toBeGreaterThan(0);
    for (const k of totals.byKind) expect(k.count).toBe(rows.filter((r) => r.kind === k.kind).reduce((n, r) => n + r.count, 0));
  });
});
