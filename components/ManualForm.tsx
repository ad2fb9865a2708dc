import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { addManual, editManual, type ManualError, type ManualField, type ManualInput, manualInputOf } from '@/lib/db/manual';
import { openDb } from '@/lib/db/open';
import type { LaborEvent } from '@/lib/db/schema';
import { countOf, detailLabel, kindLabel, type MessageKey, platformLabel, t } from '@/lib/i18n';
import { announce } from '@/lib/page-messages';
import { KIND_DETAILS, KINDS, type Kind, PLATFORM_IDS, type PlatformId } from '@/lib/taxonomy';

/** Every platform a person can enter by hand, by name, with "other site" last (never the practice page). */
const PLATFORMS: PlatformId[] = [
  ...PLATFORM_IDS.filter((p) => p !== 'practice' && p !== 'other').sort((a, b) =>
    platformLabel(a).localeCompare(platformLabel(b)),
  ),
  'other',
];

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (ts: number) => {
  const d = new Date(ts);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const timeOf = (ts: number) => {
  const d = new Date(ts);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** The form's text, as typed (an input's value is always a string). */
interface Values {
  platform: string;
  kind: string;
  detail: string;
  date: string;
  time: string;
  count: string;
  minutes: string;
}

function valuesOf(e?: LaborEvent): Values {
  if (!e) {
    const now = Date.now();
    return {
      platform: 'amazon',
      kind: 'review',
      detail: 'review',
      date: dateOf(now),
      time: timeOf(now),
      count: '1',
      minutes: '',
    };
  }
  const i = manualInputOf(e);
  return {
    platform: i.platform,
    kind: i.kind,
    detail: i.detail,
    date: dateOf(i.ts),
    time: timeOf(i.ts),
    count: String(i.count),
    minutes: i.minutes === undefined ? '' : String(i.minutes),
  };
}

/** Local date and time as typed, to a moment (NaN when either does not parse). */
function parseMoment(date: string, time: string): number {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const h = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !h) return Number.NaN;
  const [y, m, day, hh, mm] = [d[1], d[2], d[3], h[1], h[2]].map(Number) as [number, number, number, number, number];
  const moment = new Date(y, m - 1, day, hh, mm);
  return moment.getDate() === day && moment.getMonth() === m - 1 ? moment.getTime() : Number.NaN;
}

function inputOf(v: Values): ManualInput {
  const number = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));
  const input: ManualInput = {
    platform: v.platform,
    kind: v.kind,
    detail: v.detail,
    ts: parseMoment(v.date, v.time),
    count: number(v.count),
  };
  if (v.minutes.trim() !== '') input.minutes = number(v.minutes);
  return input;
}

const errorText = (e: ManualError) => t(`manualErr_${e.replaceAll('-', '_')}` as MessageKey);

/**
 * Adds an action the meter could not see, or edits one added by hand (`editing`). Every field's
 * problem is shown next to it; nothing is stored until all are right.
 */
export function ManualForm({ id, editing, onDone }: { id: string; editing?: LaborEvent; onDone: (message: string) => void }) {
  const [v, setV] = useState<Values>(() => valuesOf(editing));
  const [errors, setErrors] = useState<Partial<Record<ManualField, ManualError>>>({});
  const [status, setStatus] = useState('');
  const set = (field: keyof Values) => (e: Event) => {
    const value = (e.target as HTMLInputElement | HTMLSelectElement).value;
    setV((old) =>
      // A new kind has its own details: the first is chosen.
      field === 'kind' ? { ...old, kind: value, detail: KIND_DETAILS[value as Kind]?.[0] ?? '' } : { ...old, [field]: value },
    );
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const input = inputOf(v);
    const db = openDb();
    const result = editing?.id !== undefined ? await editManual(db, editing.id, input) : await addManual(db, input);
    if (!result.ok) {
      setErrors('notManual' in result ? {} : result.errors);
      setStatus(t('manualRefused'));
      return;
    }
    setErrors({});
    const what = `${countOf('actions', input.count)}, ${kindLabel(input.kind as Kind)}, ${platformLabel(input.platform as PlatformId)}`;
    const message = editing ? t('manualSaved') : t('manualAdded', what);
    setStatus(message);
    if (!editing) setV((old) => ({ ...old, count: '1', minutes: '' }));
    // Other open pages (the popup, the dashboard) redraw when they hear this.
    announce('events-changed');
    onDone(message);
  };

  const field = (name: ManualField, label: string, control: (describedBy?: string) => ComponentChildren) => (
    <Field id={`${id}-${name}`} label={label} error={errors[name]} wide={name === 'when'}>
      {control(errors[name] ? `${id}-${name}-error` : undefined)}
    </Field>
  );
  const invalid = (name: ManualField) => (errors[name] ? 'true' : undefined);

  return (
    <form class="manual-form" onSubmit={submit} noValidate data-testid={`${id}-form`}>
      {field('platform', t('manualPlatform'), (d) => (
        <select
          id={`${id}-platform`}
          value={v.platform}
          onChange={set('platform')}
          aria-invalid={invalid('platform')}
          aria-describedby={d}
        >
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {platformLabel(p)}
            </option>
          ))}
        </select>
      ))}
      {field('kind', t('manualKind'), (d) => (
        <select id={`${id}-kind`} value={v.kind} onChange={set('kind')} aria-invalid={invalid('kind')} aria-describedby={d}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      ))}
      {field('detail', t('manualDetail'), (d) => (
        <select
          id={`${id}-detail`}
          value={v.detail}
          onChange={set('detail')}
          aria-invalid={invalid('detail')}
          aria-describedby={d}
        >
          {(KIND_DETAILS[v.kind as Kind] ?? []).map((x) => (
            <option key={x} value={x}>
              {detailLabel(x)}
            </option>
          ))}
        </select>
      ))}
      {field('when', t('manualDate'), (d) => (
        <span class="when">
          <input
            id={`${id}-when`}
            type="date"
            value={v.date}
            onInput={set('date')}
            aria-invalid={invalid('when')}
            aria-describedby={d}
          />
          <input
            id={`${id}-time`}
            type="time"
            value={v.time}
            onInput={set('time')}
            aria-label={t('manualTime')}
            aria-invalid={invalid('when')}
            aria-describedby={d}
          />
        </span>
      ))}
      {field('count', t('manualCount'), (d) => (
        <input
          id={`${id}-count`}
          type="number"
          min={1}
          max={1000}
          step={1}
          value={v.count}
          onInput={set('count')}
          aria-invalid={invalid('count')}
          aria-describedby={d}
        />
      ))}
      {field('minutes', t('manualMinutes'), (d) => (
        <input
          id={`${id}-minutes`}
          type="number"
          min={0}
          max={600}
          step="any"
          value={v.minutes}
          onInput={set('minutes')}
          aria-invalid={invalid('minutes')}
          aria-describedby={d}
        />
      ))}
      <p class="manual-actions">
        <button type="submit" data-testid={`${id}-submit`}>
          {t(editing ? 'manualSave' : 'manualAdd')}
        </button>{' '}
        <span role="status" data-testid={`${id}-status`}>
          {status}
        </span>
      </p>
    </form>
  );
}

function Field(props: { id: string; label: string; error?: ManualError; wide: boolean; children: ComponentChildren }) {
  const { id, label, error, wide, children } = props;
  return (
    <div class={wide ? 'manual-field wide' : 'manual-field'}>
      <label for={id}>{label}</label>
      {children}
      {error && (
        <span id={`${id}-error`} class="error" data-testid={`${id}-error`}>
          {errorText(error)}
        </span>
      )}
    </div>
  );
}
