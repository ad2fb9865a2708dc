import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Session } from './harness';

/**
 * A study's server, for real, on 127.0.0.1 over https with a certificate made for the test
 * (openssl; Chromium started with --ignore-certificate-errors). It answers no CORS header: only the
 * host permission the participant grants lets the extension's request through.
 */
export interface StudyServer {
  url: string;
  port: number;
  mode: 'accept' | 'refuse' | 'hang';
  received: { method: string; headers: Record<string, string | string[] | undefined>; body: Buffer }[];
  /** Accepting, nothing received, receipts numbered from R-0001 again. */
  reset(): void;
  close(): Promise<void>;
}

export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function certificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'clickwork-cert-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const pair = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

export async function startStudyServer(): Promise<StudyServer> {
  let n = 0;
  const state: Pick<StudyServer, 'mode' | 'received'> = { mode: 'accept', received: [] };
  const server: Server = createServer(certificate(), (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.received.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      if (state.mode === 'hang') return; // never answers
      if (state.mode === 'refuse') {
        res.writeHead(403, { 'content-type': 'text/plain' });
        return res.end('closed');
      }
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ receipt: `R-${String(++n).padStart(4, '0')}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return Object.assign(state, {
    port,
    reset() {
      n = 0;
      state.mode = 'accept';
      state.received.length = 0;
    },
    url: `https://127.0.0.1:${port}/clickwork/submit`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Chromium flags and the route that let the browser reach the test server (and nothing else). */
export const reachLocalServer = (port: number) => ({
  args: ['--ignore-certificate-errors', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  routes: [
    [new RegExp(`^https://127\\.0\\.0\\.1:${port}/`), (route: { continue(): Promise<void> }) => route.continue()],
  ] as never,
});

/**
 * The participant's "Allow" for the study's site. Headless Chromium shows the permission prompt but
 * nothing can answer it; the user can also grant a site in the browser's extension settings, which
 * is done here through chrome://extensions' own API. Chromium then answers the extension's next
 * request for that origin with true, without a prompt (measured, Chromium 156).
 */
export async function allowSiteInSettings(s: Session, pattern: string): Promise<void> {
  const page: Page = await s.context.newPage();
  await page.goto(`chrome://extensions/?id=${s.extensionId}`);
  await page.evaluate(
    ([id, p]) =>
      (
        globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(i: string, h: string): Promise<void> } } }
      ).chrome.developerPrivate.addHostPermission(id as string, p as string),
    [s.extensionId, pattern],
  );
  await page.close();
}
