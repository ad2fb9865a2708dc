/** WebExtension match patterns (`*://*.example.com/path*`), as browsers interpret them. */

const PATTERN = /^(\*|https?|wss?|file|ftp):\/\/(\*|\*\.[^/*]+|[^/*]+)?(\/.*)$/;

export function isValidPattern(pattern: string): boolean {
  return pattern === '<all_urls>' || PATTERN.test(pattern);
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${body}$`);
}

export function matchesPattern(pattern: string, input: string | URL): boolean {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    return false;
  }
  if (pattern === '<all_urls>') return /^(https?|wss?|file|ftp):$/.test(url.protocol);
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  const [, scheme, host = '', path = '/'] = m;
  const protocol = url.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (url.hostname !== base && !url.hostname.endsWith(`.${base}`)) return false;
    } else if (url.hostname !== host) return false;
  }
  return globToRegExp(path).test(url.pathname + url.search);
}

export function matchesAny(patterns: readonly string[], input: string | URL): boolean {
  return patterns.some((p) => matchesPattern(p, input));
}
