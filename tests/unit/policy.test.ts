import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Block, inlines, parsePolicy } from '@/lib/policy';
import { root } from './helpers';

const read = (f: string) => readFileSync(resolve(root, 'docs', f), 'utf8');
const codes = (blocks: Block[]) =>
  blocks
    .flatMap((b) => (b.type === 'ul' ? b.items.flat() : b.content))
    .filter((i) => i.style === 'code')
    .map((i) => i.text);

describe('privacy policy', () => {
  it('reads headings, lists, paragraphs and strong, emphasised and code spans', () => {
    expect(parsePolicy('# Title\n\nSome *text*.\n\n## Part\n\n- **One**: `storage`\n- Two\n')).toEqual([
      { type: 'h1', content: [{ text: 'Title' }] },
      { type: 'p', content: [{ text: 'Some ' }, { text: 'text', style: 'em' }, { text: '.' }] },
      { type: 'h2', content: [{ text: 'Part' }] },
      {
        type: 'ul',
        items: [[{ text: 'One', style: 'strong' }, { text: ': ' }, { text: 'storage', style: 'code' }], [{ text: 'Two' }]],
      },
    ]);
    expect(inlines('<script>alert(1)</script>')).toEqual([{ text: '<script>alert(1)</script>' }]);
  });

  it('is the same policy in English and French: same sections, same list items, the same permissions named', () => {
    const en = parsePolicy(read('PRIVACY.md'));
    const fr = parsePolicy(read('PRIVACY.fr.md'));
    expect(fr.map((b) => (b.type === 'ul' ? `ul${b.items.length}` : b.type))).toEqual(
      en.map((b) => (b.type === 'ul' ? `ul${b.items.length}` : b.type)),
    );
    expect(en.filter((b) => b.type === 'h2').length).toBeGreaterThanOrEqual(8);
    // The API permissions named are exactly those package.e2e.ts finds in the built manifests.
    for (const doc of [en, fr])
      expect(new Set(codes(doc).filter((c) => !c.includes(':')))).toEqual(new Set(['storage', 'webRequest']));
  });
});
