/**
 * The small part of Markdown the privacy policy (docs/PRIVACY.md, docs/PRIVACY.fr.md) uses, read into
 * blocks that the extension's policy page draws as elements (never as HTML): one text, two places.
 */
export type Inline = { text: string; style?: 'strong' | 'em' | 'code' };
export type Block = { type: 'h1' | 'h2' | 'p'; content: Inline[] } | { type: 'ul'; items: Inline[][] };

/** `**strong**`, `*em*` and `` `code` `` spans; anything else is plain text. */
export function inlines(line: string): Inline[] {
  const out: Inline[] = [];
  const re = /\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`/g;
  let last = 0;
  for (const m of line.matchAll(re)) {
    if (m.index > last) out.push({ text: line.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ text: m[1], style: 'strong' });
    else if (m[2] !== undefined) out.push({ text: m[2], style: 'em' });
    else out.push({ text: m[3] as string, style: 'code' });
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push({ text: line.slice(last) });
  return out;
}

/** Headings (`#`, `##`), list items (`- `) and paragraphs; blank lines separate blocks. */
export function parsePolicy(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    const prev = blocks.at(-1);
    if (!line) continue;
    if (line.startsWith('## ')) blocks.push({ type: 'h2', content: inlines(line.slice(3)) });
    else if (line.startsWith('# ')) blocks.push({ type: 'h1', content: inlines(line.slice(2)) });
    else if (line.startsWith('- ')) {
      if (prev?.type === 'ul') prev.items.push(inlines(line.slice(2)));
      else blocks.push({ type: 'ul', items: [inlines(line.slice(2))] });
    } else blocks.push({ type: 'p', content: inlines(line) });
  }
  return blocks;
}
