import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { root } from './helpers';

/**
 * The project's size rule (docs of issue 15, CONTRIBUTING): no source file over 300 lines and no
 * function over 60 lines, so that each file does one job a newcomer can read at once. A function's
 * length counts everything inside it, nested closures and JSX included.
 */
const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 60;
const DIRS = ['lib', 'components', 'entrypoints', 'scripts'];

/**
 * What may stay over the limits, with why. Keys are `path` (a file) or `path#function` (one
 * function). Data tables are allowed: a list of sources or a locale catalogue reads as a table, not
 * as code, and splitting it would only scatter it. Locale catalogues are JSON and not measured.
 * An entry that no longer exceeds the limit fails the test too: remove it when it is fixed.
 */
const ALLOWED: Record<string, string> = {};

function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Every file and function over the limits, as `path` or `path#name` with its length. */
function oversized(): Map<string, number> {
  const found = new Map<string, number>();
  for (const dir of DIRS) {
    for (const f of readdirSync(resolve(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (!/\.(tsx?|mjs)$/.test(f) || f.endsWith('.d.ts') || f.endsWith('.d.mts')) continue;
      const path = join(dir, f);
      const text = readFileSync(resolve(root, path), 'utf8');
      const lines = lineCount(text);
      if (lines > MAX_FILE_LINES) found.set(path, lines);
      const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : path.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
      const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
          const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
          if (last - first + 1 > MAX_FUNCTION_LINES) found.set(`${path}#${functionName(node, first + 1)}`, last - first + 1);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return found;
}

/** A function's own name, or the name it is assigned to, or its line. */
function functionName(node: ts.Node, line: number): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText();
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))) return parent.name.getText();
  if (parent && ts.isCallExpression(parent)) return `${parent.expression.getText()} callback`;
  return `line ${line}`;
}

it('no source file over 300 lines and no function over 60 lines, but the allowed data tables', { timeout: 30_000 }, () => {
  const found = oversized();
  const over = [...found].filter(([key]) => !(key in ALLOWED)).map(([key, n]) => `${key}: ${n} lines`);
  expect(over).toEqual([]);
});

it('every allowed exception still exceeds the limits (the list stays honest)', { timeout: 30_000 }, () => {
  const found = oversized();
  expect(Object.keys(ALLOWED).filter((key) => !found.has(key))).toEqual([]);
});
