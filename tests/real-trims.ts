/**
 * Trimmed views of real saved pages, made at run time from the pages in ../shared (tests/real-pages.ts).
 * Each keeps the controls' markup as saved and removes the same parts every time; each throws when
 * its landmark is not in the page, so a changed capture fails instead of testing something else.
 */

function indexOrThrow(html: string, text: string, from = 0): number {
  const i = html.indexOf(text, from);
  if (i < 0) throw new Error(`Real page trim: "${text}" not found.`);
  return i;
}

/** The page without its `<script>` elements (they would load the platform's code from the network). */
export const withoutScripts = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>/g, '');

/** The page without its `<script>` and `<style>` elements, all other markup unchanged. */
export const withoutScriptsAndStyles = (html: string) =>
  html.replace(/<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>/g, '');

/**
 * ChatGPT conversation: turns `from` to `to` removed (each turn is an `<article>` holding
 * `data-testid="conversation-turn-N"`), the lines around them unchanged.
 */
export function withoutTurns(html: string, from: number, to: number): string {
  const first = indexOrThrow(html, `data-testid="conversation-turn-${from}"`);
  const start = html.lastIndexOf('\n', html.lastIndexOf('<article', first)) + 1;
  const last = indexOrThrow(html, `data-testid="conversation-turn-${to}"`);
  const end = html.indexOf('\n', indexOrThrow(html, '</article>', last)) + 1;
  const indent = /^\s*/.exec(html.slice(start))?.[0] ?? '';
  const note = `${indent}<!-- trimmed: conversation turns ${from} to ${to} removed (same markup as turns 1 to ${from - 1}) -->\n\n`;
  return html.slice(0, start) + note + html.slice(end);
}

/** Goodreads book page: scripts removed, and everything from the first community review on. */
export function withoutReviews(html: string): string {
  const page = withoutScripts(html);
  const cut = indexOrThrow(page, '<article class="ReviewCard"');
  return `${page.slice(0, cut)}\n<!-- trimmed: the community reviews list and the page footer, and every <script>, removed -->\n</div></div></div></div></main></div></body></html>\n`;
}

/** Instagram feed: the first `n` posts' `<article>` elements, unchanged, in a bare document. */
export function firstPosts(html: string, n: number): string {
  const root = /<html\b[^>]*>/.exec(html)?.[0];
  if (!root) throw new Error('Real page trim: no <html> tag.');
  const posts: string[] = [];
  for (let at = 0; posts.length < n; ) {
    const start = indexOrThrow(html, '<article', at);
    at = indexOrThrow(html, '</article>', start) + '</article>'.length;
    posts.push(html.slice(start, at));
  }
  const head = '<head><meta charset="utf-8"><title>Instagram</title></head>';
  return `<!doctype html>\n${root}${head}<body><main role="main"><div>${posts.join('')}</div></main></body></html>\n`;
}

/** X's real article (one `article[data-testid="tweet"]`, 2025-10) and the post id in its permalink. */
export const X_ARTICLE = 'x_tweet_article_2025-10.html';
export const X_ARTICLE_ID = '1981398750557065646';

/**
 * A hand-written X page (tests/fixtures/x/) with the real article in place of each hand-written
 * `<article>`, its permalink's id changed to that article's.
 */
export function inStatusPage(page: string, article: string): string {
  return page.replace(/<article\b[\s\S]*?<\/article>/g, (hand) => {
    const id = /\/status\/(\d+)/.exec(hand)?.[1];
    if (!id) throw new Error('Real page trim: a hand-written X article without a permalink.');
    return article.trimEnd().replaceAll(X_ARTICLE_ID, id);
  });
}
