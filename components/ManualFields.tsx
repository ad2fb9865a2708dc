import type { ComponentChildren } from 'preact';
import type { ManualError, ManualField } from '@/lib/db/manual';
import { detailLabel, kindLabel, type MessageKey, platformLabel, t } from '@/lib/i18n';
import { KIND_DETAILS, KINDS, type Kind } from '@/lib/taxonomy';
import { PLATFORMS, type Values } from './manual-values';
import { Options } from './Options';

/** What every field of the manual form reads: the form's id, its values and refusals, and the setter. */
export interface FormParts {
  id: string;
  v: Values;
  errors: Partial<Record<ManualField, ManualError>>;
  set: (field: keyof Values) => (e: Event) => void;
}

const errorText = (e: ManualError) => t(`manualErr_${e.replaceAll('-', '_')}` as MessageKey);

/** The attributes that tie a field's control to its refusal, when there is one. */
function tie(form: FormParts, name: ManualField) {
  const error = form.errors[name];
  return {
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${form.id}-${name}-error` : undefined,
  };
}

/** The form's fields, each with its label and, next to it, why it was refused. */
export function ManualFields({ form }: { form: FormParts }) {
  const { id, v, set } = form;
  return (
    <>
      <Choice form={form} name="platform" label={t('manualPlatform')} values={PLATFORMS} optionLabel={platformLabel} />
      <Choice form={form} name="kind" label={t('manualKind')} values={KINDS} optionLabel={kindLabel} />
      <Choice
        form={form}
        name="detail"
        label={t('manualDetail')}
        values={KIND_DETAILS[v.kind as Kind] ?? []}
        optionLabel={detailLabel}
      />
      <Field form={form} name="when" label={t('manualDate')}>
        <span class="when">
          <input id={`${id}-when`} type="date" value={v.date} onInput={set('date')} {...tie(form, 'when')} />
          <input
            id={`${id}-time`}
            type="time"
            value={v.time}
            onInput={set('time')}
            aria-label={t('manualTime')}
            {...tie(form, 'when')}
          />
        </span>
      </Field>
      <Amount form={form} name="count" label={t('manualCount')} min={1} max={1000} step={1} />
      <Amount form={form} name="minutes" label={t('manualMinutes')} min={0} max={600} step="any" />
    </>
  );
}

/** A field that picks one of `values`, each shown as `optionLabel` names it. */
function Choice<T extends string>(props: {
  form: FormParts;
  name: 'platform' | 'kind' | 'detail';
  label: string;
  values: readonly T[];
  optionLabel: (value: T) => string;
}) {
  const { form, name } = props;
  return (
    <Field form={form} name={name} label={props.label}>
      <select id={`${form.id}-${name}`} value={form.v[name]} onChange={form.set(name)} {...tie(form, name)}>
        <Options values={props.values} label={props.optionLabel} />
      </select>
    </Field>
  );
}

/** A field that takes a number between `min` and `max`. */
function Amount(props: {
  form: FormParts;
  name: 'count' | 'minutes';
  label: string;
  min: number;
  max: number;
  step: number | 'any';
}) {
  const { form, name } = props;
  return (
    <Field form={form} name={name} label={props.label}>
      <input
        id={`${form.id}-${name}`}
        type="number"
        min={props.min}
        max={props.max}
        step={props.step}
        value={form.v[name]}
        onInput={form.set(name)}
        {...tie(form, name)}
      />
    </Field>
  );
}

/** A field's label, its control, and why it was refused. */
function Field({
  form,
  name,
  label,
  children,
}: {
  form: FormParts;
  name: ManualField;
  label: string;
  children: ComponentChildren;
}) {
  const id = `${form.id}-${name}`;
  const error = form.errors[name];
  return (
    <div class={name === 'when' ? 'manual-field wide' : 'manual-field'}>
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
