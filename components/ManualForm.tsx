import { useState } from 'preact/hooks';
import { addManual, editManual, type ManualError, type ManualField } from '@/lib/db/manual';
import { openDb } from '@/lib/db/open';
import type { LaborEvent } from '@/lib/db/schema';
import { countOf, kindLabel, platformLabel, t } from '@/lib/i18n';
import { announce } from '@/lib/page-messages';
import { KIND_DETAILS, type Kind, type PlatformId } from '@/lib/taxonomy';
import { type FormParts, ManualFields } from './ManualFields';
import { inputOf, type Values, valuesOf } from './manual-values';

/**
 * Adds an action the meter could not see, or edits one added by hand (`editing`). Every field's
 * problem is shown next to it; nothing is stored until all are right.
 */
export function ManualForm({ id, editing, onDone }: { id: string; editing?: LaborEvent; onDone: (message: string) => void }) {
  const { v, set, errors, status, submit } = useManualForm(editing, onDone);
  const form: FormParts = { id, v, errors, set };
  return (
    <form class="manual-form" onSubmit={submit} noValidate data-testid={`${id}-form`}>
      <ManualFields form={form} />
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

/** The form's values as typed, its refusals and status line, and what submitting it stores. */
function useManualForm(editing: LaborEvent | undefined, onDone: (message: string) => void) {
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
  return { v, set, errors, status, submit };
}
