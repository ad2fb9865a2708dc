import Ajv2020 from 'ajv/dist/2020';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClickworkDB } from '@/lib/db/schema';
import { buildExport } from '@/lib/research/export';
import { parseExportJson } from '@/lib/research/format';
import { exportJsonSchema } from '@/lib/research/json-schema';
import { alreadySent, requestOrigin, send, sha256Hex, WITHDRAWAL_FORMAT, withdrawalBytes } from '@/lib/research/send';
import { addReceipt, enrolments, joinStudy, leaveStudy, parseStudy, type Study } from '@/lib/research/study';
import { joinFragment, originPattern, parseJoinLink, studyKey } from '@/lib/research/study-extras';

let db: ClickworkDB;
let n = 0;
beforeEach(() => {
  db = new ClickworkDB(`study-send-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const NOW = new Date(2026, 10, 20, 18, 0).getTime();
const file = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'clickwork-meter/study',
    version: 1,
    id: 'class-example',
    title: 'Click-work in class',
    researcher: 'Ms. A, School A',
    contact: 'a@school-a.invalid',
    consent: { version: '1', text: 'We count.' },
    granularity: 'day',
    endDate: '2026-12-31',
    ethics: { approval: 'IRB-2026-041', data_protection: 'dpo@university.invalid', retention: 'Deleted by 2028-12-31' },
    endpoint: 'https://study.university.invalid/clickwork/submit',
    ...over,
  });
const study = (over: Record<string, unknown> = {}): Study => {
  const r = parseStudy(file(over));
  if (!r.ok) throw new Error(`${r.error} ${r.field}`);
  return r.study;
};

describe('ethics fields and the study address', () => {
  it('reads them as given', () => {
    const s = study();
    expect(s.ethics).toEqual({
      approval: 'IRB-2026-041',
      data_protection: 'dpo@university.invalid',
      retention: 'Deleted by 2028-12-31',
    });
    expect(s.endpoint).toBe('https://study.university.invalid/clickwork/submit');
    expect(study({ ethics: undefined, endpoint: undefined })).not.toHaveProperty('endpoint');
  });

  it.each([
    [{ ethics: 'approved' }, 'invalid-field', 'ethics'],
    [{ ethics: { approval: 'X', data_protection: 'Y' } }, 'missing-field', 'ethics.retention'],
    [{ ethics: { approval: '', data_protection: 'Y', retention: 'Z' } }, 'invalid-field', 'ethics.approval'],
    [{ ethics: { approval: 'X', data_protection: 'Y\u202e', retention: 'Z' } }, 'invalid-field', 'ethics.data_protection'],
    [{ endpoint: 'http://study.university.invalid/submit' }, 'invalid-field', 'endpoint'],
    [{ endpoint: 'https://user:secret@study.university.invalid/submit' }, 'invalid-field', 'endpoint'],
    [{ endpoint: 'https://token@study.university.invalid/submit' }, 'invalid-field', 'endpoint'],
    [{ endpoint: 'https://study.university.invalid/submit#x' }, 'invalid-field', 'endpoint'],
    [{ endpoint: 'javascript:alert(1)' }, 'invalid-field', 'endpoint'],
    [{ endpoint: 'not a url' }, 'invalid-field', 'endpoint'],
    [{ endpoint: `https://a.invalid/${'x'.repeat(500)}` }, 'invalid-field', 'endpoint'],
    [{ endpoint: 42 }, 'invalid-field', 'endpoint'],
  ])('refuses %j', (over, error, field) => {
    expect(parseStudy(file(over))).toEqual({ ok: false, error, field });
  });

  it('asks the browser for the endpoint’s one origin, any port, and nothing else', async () => {
    expect(originPattern('https://study.university.invalid:8443/a/b?c=d')).toBe('https://study.university.invalid/*');
    const asked: unknown[] = [];
    const granted = await requestOrigin(
      {
        request: async (p) => {
          asked.push(p);
          return true;
        },
      },
      study().endpoint as string,
    );
    expect(granted).toBe(true);
    expect(asked).toEqual([{ origins: ['https://study.university.invalid/*'] }]);
    expect(await requestOrigin({ request: () => Promise.reject(new Error('no gesture')) }, 'https://a.invalid/')).toBe(false);
  });
});

describe('studies keyed by id and researcher', () => {
  it('two teachers keeping the example’s id are two studies; the same researcher’s file is joined once', async () => {
    const a = study();
    const b = study({ researcher: 'Mr. B, School B', contact: 'b@school-b.invalid' });
    expect(studyKey(a)).not.toBe(studyKey(b));
    expect((await joinStudy(db, a, NOW)).ok).toBe(true);
    expect((await joinStudy(db, b, NOW)).ok).toBe(true);
    expect(await joinStudy(db, study({ title: 'Corrected title' }), NOW)).toEqual({ ok: false, error: 'already-joined' });
    await leaveStudy(db, studyKey(b));
    expect((await enrolments(db)).map((e) => e.study.researcher)).toEqual(['Ms. A, School A']);
  });

  it('reads enrolments stored before keys and receipts existed, and leaves them by key', async () => {
    const old = {
      study: study({ ethics: undefined, endpoint: undefined }),
      pseudonym: crypto.randomUUID(),
      consentDay: '2026-11-01',
    };
    await db.meta.put({ key: 'studies', value: [old] });
    const [e] = await enrolments(db);
    expect(e?.pseudonym).toBe(old.pseudonym);
    await leaveStudy(db, studyKey(old.study));
    expect(await db.meta.get('studies')).toBeUndefined();
  });
});

describe('join links', () => {
  it('carry the study file and a panel id, which the exported file then holds', async () => {
    const link = `chrome-extension://abc/research.html#${joinFragment(file({ title: 'Études – “quoted”' }), 'PROLIFIC_5f3a9c')}`;
    const parsed = parseJoinLink(link);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.panelId).toBe('PROLIFIC_5f3a9c');
    const r = parseStudy(parsed.studyText);
    if (!r.ok) throw new Error(r.error);
    expect(r.study.title).toBe('Études – “quoted”');
    const joined = await joinStudy(db, r.study, NOW, parsed.panelId);
    if (!joined.ok) throw new Error(joined.error);
    const [stored] = await enrolments(db);
    expect(stored?.panelId).toBe('PROLIFIC_5f3a9c');
    const out = buildExport(stored as NonNullable<typeof stored>, [], 0, '0.1.0', NOW);
    expect(out.panel_id).toBe('PROLIFIC_5f3a9c');
    const validate = new Ajv2020({ allErrors: true }).compile(exportJsonSchema());
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    const back = parseExportJson(JSON.stringify(out));
    expect(back.ok && back.file.panel_id).toBe('PROLIFIC_5f3a9c');
    expect(parseExportJson(JSON.stringify({ ...out, panel_id: 'a@b.c' }))).toEqual({ ok: false, error: 'invalid-metadata' });
    expect(validate({ ...out, panel_id: 'a b' })).toBe(false);
  });

  it.each([
    ['research.html#join=', 'bad-link'],
    ['#join=%%%', 'bad-link'],
    ['#join=gA', 'bad-link'], // one byte 0x80: not UTF-8
    [`#${joinFragment('{}', 'x')}`.replace('panel=x', 'panel=a%40b'), 'bad-panel-id'],
    [`#${joinFragment('{}')}&panel=${'x'.repeat(65)}`, 'bad-panel-id'],
  ])('refuses %s', (link, error) => {
    expect(parseJoinLink(link)).toEqual({ ok: false, error });
  });

  it('refuses a malformed panel id when joining', async () => {
    await expect(joinStudy(db, study(), NOW, 'a b')).rejects.toThrow('invalid panel id');
  });
});

describe('sending', () => {
  const bytes = new TextEncoder().encode('{"format":"clickwork-meter/anonymised-export","rows":[]}');
  const endpoint = 'https://study.university.invalid/submit';

  it('posts exactly the bytes, without cookies, referrer or redirects, and keeps the receipt', async () => {
    const calls: [string, RequestInit][] = [];
    const fake = (async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      return new Response(JSON.stringify({ receipt: 'R-0001\u202e\n' }), { status: 201 });
    }) as unknown as typeof fetch;
    const r = await send(endpoint, bytes, 'file', 3, { fetch: fake, now: () => NOW });
    const sha = await sha256Hex(bytes);
    expect(r).toEqual({
      ok: true,
      receipt: { what: 'file', at: NOW, endpoint, sha256: sha, bytes: bytes.length, rows: 3, status: 201, receipt: 'R-0001  ' },
    });
    expect(calls).toHaveLength(1);
    const [url, init] = calls[0] as [string, RequestInit];
    expect(url).toBe(endpoint);
    expect(init).toMatchObject({ method: 'POST', credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'error' });
    expect(init.body).toBe(bytes);
    expect(init.headers).toEqual({ 'Content-Type': 'application/json', 'Idempotency-Key': sha });
  });

  it('reports a refusal, a time-out and a network failure, storing nothing', async () => {
    const status = (s: number) => (async () => new Response('no', { status: s })) as unknown as typeof fetch;
    expect(await send(endpoint, bytes, 'file', 1, { fetch: status(403) })).toEqual({ ok: false, error: 'refused', status: 403 });
    const hang = ((_: string, init: RequestInit) =>
      new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))))) as typeof fetch;
    expect(await send(endpoint, bytes, 'file', 1, { fetch: hang, timeoutMs: 30 })).toEqual({ ok: false, error: 'timeout' });
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await send(endpoint, bytes, 'file', 1, { fetch: down })).toEqual({ ok: false, error: 'network' });
  });

  it('keeps receipts with the enrolment and recognises a file already sent', async () => {
    const joined = await joinStudy(db, study(), NOW, 'P-1');
    if (!joined.ok) throw new Error(joined.error);
    const r = await send(endpoint, bytes, 'file', 1, { fetch: (async () => new Response('ok')) as unknown as typeof fetch });
    if (!r.ok) throw new Error(r.error);
    expect(await addReceipt(db, studyKey(study()), r.receipt)).toBe(true);
    const [e] = await enrolments(db);
    expect(e?.receipts).toEqual([r.receipt]);
    expect(alreadySent(e as NonNullable<typeof e>, r.receipt.sha256)).toEqual(r.receipt);
    expect(alreadySent(e as NonNullable<typeof e>, '0'.repeat(64))).toBeUndefined();
    // A damaged receipt makes the entry unreadable (noted and repairable), never shown.
    await db.meta.put({ key: 'studies', value: [{ ...e, receipts: [{ ...r.receipt, sha256: 'x' }] }] });
    expect(await enrolments(db)).toEqual([]);
  });

  it('asks for withdrawal with the study, pseudonym and panel id only', async () => {
    const joined = await joinStudy(db, study(), NOW, 'P-1');
    if (!joined.ok) throw new Error(joined.error);
    const body = JSON.parse(new TextDecoder().decode(withdrawalBytes(joined.enrolment, NOW)));
    expect(body).toEqual({
      format: WITHDRAWAL_FORMAT,
      version: 1,
      study_id: 'class-example',
      participant: joined.enrolment.pseudonym,
      panel_id: 'P-1',
      day: '2026-11-20',
      request: 'withdraw-and-delete',
    });
  });
});
