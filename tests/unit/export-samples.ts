import { ingest, type Sighting } from '@/lib/db/ingest';
import { addManual } from '@/lib/db/manual';
import { ClickworkDB } from '@/lib/db/schema';
import { buildExport, candidateRows } from '@/lib/research/export';
import type { AnonymisedExport } from '@/lib/research/format';
import { type Enrolment, parseStudy } from '@/lib/research/study';
import { sighting } from './helpers';

/** Exports written by the real code from a few weeks of actions: by day, by hour, with hand-entered rows, with a panel id. */
export const SAMPLE_NOW = new Date(2026, 10, 20, 18, 0).getTime();
const at = (day: number, hour: number) => new Date(2026, 10, day, hour, 7).getTime();

const s = (over: Partial<Sighting>) => sighting({ ts: at(10, 9), ...over });

function enrol(over: Record<string, unknown>, panelId?: string): Enrolment {
  const r = parseStudy(
    JSON.stringify({
      format: 'clickwork-meter/study',
      version: 1,
      id: 'everyday-click-work-2026',
      title: 'Everyday click-work',
      researcher: 'A. Researcher, Example University',
      contact: 'research@university.invalid',
      consent: { version: '1.0', text: 'You agree to send the counts shown on the review screen.' },
      granularity: 'day',
      startDate: '2026-11-01',
      endDate: '2026-12-31',
      ...over,
    }),
  );
  if (!r.ok) throw new Error(`study refused: ${r.error} ${r.field}`);
  return {
    study: r.study,
    pseudonym: '2f1c3a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c',
    consentDay: '2026-11-01',
    ...(panelId ? { panelId } : {}),
  };
}

async function record(db: ClickworkDB): Promise<void> {
  await ingest(db, [
    s({ ts: at(10, 9) }),
    s({ ts: at(10, 21) }),
    s({ ts: at(11, 9), platform: 'reddit', kind: 'vote', detail: 'up' }),
    s({ ts: at(11, 23), platform: 'chatgpt', kind: 'ai-feedback', detail: 'up' }),
    s({ ts: at(12, 0), platform: 'hcaptcha', kind: 'captcha', detail: 'challenge', durationMs: 9_050 }),
    s({ ts: at(13, 14), platform: 'github', kind: 'reaction', detail: 'thumbs_up' }), // a detail no detector writes (GitHub's before schema version 5): leaves as `other`
    s({ ts: at(14, 8), platform: 'stackoverflow', kind: 'vote', detail: 'close-vote' }),
  ]);
  const manual = { platform: 'amazon', kind: 'review', detail: 'review', ts: at(15, 20), count: 2, minutes: 12 };
  const added = await addManual(db, manual, SAMPLE_NOW);
  if (!added.ok) throw new Error('manual entry refused');
}

export type Sample = 'by-day' | 'by-hour' | 'with-manual' | 'with-panel-id';
const OVER: Record<Sample, [Record<string, unknown>, string?]> = {
  'by-day': [{}],
  'by-hour': [{ granularity: 'hour' }],
  'with-manual': [{ include_manual: true }],
  'with-panel-id': [{ granularity: 'hour', include_manual: true }, 'panel-7f3a9c21'],
};

let n = 0;
/** The four sample exports, each from a fresh database holding the same actions. */
export async function sampleExports(): Promise<Record<Sample, AnonymisedExport>> {
  const db = new ClickworkDB(`export-samples-${++n}`);
  try {
    await record(db);
    const out = {} as Record<Sample, AnonymisedExport>;
    for (const [name, [over, panel]] of Object.entries(OVER) as [Sample, [Record<string, unknown>, string?]][]) {
      const e = enrol(over, panel);
      out[name] = buildExport(e, await candidateRows(db, e, SAMPLE_NOW), 0, '0.1.0', SAMPLE_NOW);
    }
    return out;
  } finally {
    await db.delete();
  }
}
