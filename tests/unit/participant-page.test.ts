// @vitest-environment happy-dom
import { h, render } from 'preact';
import { expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ingest } from '@/lib/db/ingest';
import { openDb } from '@/lib/db/open';
import { sha256Hex } from '@/lib/research/send';
import { enrolments, joinStudy, parseStudy, type Study } from '@/lib/research/study';

const tick = (ms = 50) => new Promise((r) => setTimeout(r, ms));
/** Waits (up to 10 s: the machine may be busy) until the condition holds. */
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await tick();
}
const study = (over: Record<string, unknown> = {}): Study => {
  const r = parseStudy(
    JSON.stringify({
      format: 'clickwork-meter/study',
      version: 1,
      id: 'maps-study',
      title: 'Maps',
      researcher: 'R',
      contact: 'C',
      consent: { version: '1', text: 'x' },
      granularity: 'day',
      startDate: '2026-01-01',
      endDate: '2099-12-31',
      platforms: ['google-maps', 'youtube'],
      endpoint: 'https://study.university.invalid/submit',
      ...over,
    }),
  );
  if (!r.ok) throw new Error(r.error);
  return r.study;
};

function fakes() {
  const i18n = fakeBrowser.i18n as unknown as { getMessage(k: string, s?: string[]): string; getUILanguage(): string };
  i18n.getMessage = (k, subs) => `${k}${subs?.length ? `(${subs.join('|')})` : ''}`;
  i18n.getUILanguage = () => 'en';
  const runtime = fakeBrowser.runtime as unknown as { getURL(p: string): string; getManifest(): { version: string } };
  runtime.getURL = (p) => p;
  runtime.getManifest = () => ({ version: '0.1.0' });
}

it('shows platform names, the pseudonym explained, every field of the file, and sends only at the click', async () => {
  fakes();
  const db = openDb();
  await ingest(db, [
    {
      platform: 'youtube',
      kind: 'reaction',
      detail: 'like',
      slot: 'none',
      op: 'add',
      signal: 'dom',
      ts: new Date(2026, 0, 10, 9).getTime(),
    },
  ]);
  await joinStudy(db, study(), Date.now(), 'PANEL-7');
  // The click handler must ask the browser while the click is being dispatched (no await before it).
  let inClick = false;
  const asked: { origins: string[]; duringClick: boolean }[] = [];
  let grant: (v: boolean) => void = () => {};
  (fakeBrowser as unknown as { permissions: object }).permissions = {
    request: (p: { origins: string[] }) => {
      asked.push({ ...p, duringClick: inClick });
      return new Promise<boolean>((r) => {
        grant = r;
      });
    },
  };
  const fetches: [string, RequestInit][] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    fetches.push([url, init]);
    return new Response('{"receipt":"R-9"}', { status: 200 });
  });

  const { ResearchPage } = await import('@/entrypoints/research/ResearchPage');
  const root = document.createElement('div');
  document.body.append(root);
  render(h(ResearchPage, {}), root);
  const q = (id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement;
  await until(() => Boolean(q('study-review')));
  expect(root.textContent).toContain('Google Maps, YouTube');
  expect(root.textContent).not.toContain('google-maps');
  expect(q('pseudonym-help').textContent).toBe('studyPseudonymHelp');
  expect(q('study-past-history').textContent).toMatch(/^studyPastHistoryJoined/);

  q('study-review').click();
  await until(() => /^[0-9a-f]{64}$/.test(q('file-sha256')?.textContent ?? ''));
  // Every field of the file but its rows, before saving.
  const fields = [...root.querySelectorAll('[data-testid^="file-"]')].map((e) => e.getAttribute('data-testid'));
  const [e] = await enrolments(db);
  const { buildExport } = await import('@/lib/research/export');
  const file = buildExport(e as NonNullable<typeof e>, [], 0, '0.1.0');
  for (const name of Object.keys(file).filter((k) => k !== 'rows')) expect(fields).toContain(`file-${name}`);
  expect(q('file-panel_id').textContent).toBe('PANEL-7');
  expect(fetches).toEqual([]);

  const send = q('study-send') as HTMLButtonElement;
  inClick = true;
  send.click();
  send.click(); // a second click while the first is pending asks and sends nothing more
  inClick = false;
  expect(asked).toEqual([{ origins: ['https://study.university.invalid/*'], duringClick: true }]);
  await tick();
  expect(fetches).toEqual([]); // not before the browser's answer
  grant(true);
  await until(() => /R-9/.test(q('send-status').textContent ?? ''));
  expect(fetches).toHaveLength(1);
  const body = fetches[0]?.[1].body as Uint8Array;
  expect(q('file-sha256').textContent).toBe(await sha256Hex(body));
  expect(JSON.parse(new TextDecoder().decode(body))).toMatchObject({ panel_id: 'PANEL-7', study_id: 'maps-study' });
  expect(q('send-status').textContent).toMatch(/^participantSent\(.*\|R-9\)$/);
  await until(() => Boolean(q('study-receipts')));
  expect(q('study-receipts').textContent).toContain('R-9');
  render(null, root);
  vi.unstubAllGlobals();
});
