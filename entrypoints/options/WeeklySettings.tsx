import { useEffect, useState } from 'preact/hooks';
import { notificationPermissions } from '@/components/Weekly';
import { openDb } from '@/lib/db/open';
import { dayKey } from '@/lib/db/schema';
import { formatDay, t } from '@/lib/i18n';
import { chooseWeekly, modeOf, type WeeklyMode } from '@/lib/weekly/choose';
import { loadWeekly } from '@/lib/weekly/store';
import { dueWeek, mondayOf, turnedOn, type WeeklyState } from '@/lib/weekly/week';

const MODES: readonly [WeeklyMode, 'weeklyOff' | 'weeklyCard' | 'weeklyNotify'][] = [
  ['off', 'weeklyOff'],
  ['card', 'weeklyCard'],
  ['notify', 'weeklyNotify'],
];

/** The Monday the next look back comes, in words. */
function nextMonday(now: number): string {
  const m = mondayOf(now);
  return formatDay(dayKey(new Date(m.getFullYear(), m.getMonth(), m.getDate() + 7, 12).getTime()), 'long');
}

/** The weekly look back's setting: off (the default), in the popup, or as a browser notification. */
export function WeeklySettings() {
  const { state, note, choose } = useWeeklySetting();
  if (!state) return null;
  const mode = modeOf(state);
  return (
    <section aria-labelledby="weekly-settings" data-testid="weekly-settings">
      <h2 id="weekly-settings">{t('weeklySettingsTitle')}</h2>
      <p>{t('weeklySettingsHint')}</p>
      <fieldset class="weekly-modes">
        <legend class="sr-only">{t('weeklySettingsTitle')}</legend>
        {MODES.map(([m, label]) => (
          <label key={m}>
            <input
              type="radio"
              name="weekly-mode"
              value={m}
              checked={mode === m}
              onChange={() => choose(m)}
              data-testid={`weekly-mode-${m}`}
            />{' '}
            {t(label)}
          </label>
        ))}
      </fieldset>
      {note && (
        <p role="status" data-testid="weekly-note">
          {t(note === 'asking' ? 'weeklyNotifyAsk' : 'weeklyNotifyRefused')}
        </p>
      )}
      {state.enabled && !dueWeek(state, Date.now()) && (
        <p data-testid="weekly-next">{t('weeklyNextOn', nextMonday(Date.now()))}</p>
      )}
    </section>
  );
}

/**
 * The stored weekly state (null until read), the note on the notification permission being asked
 * for or refused, and `choose`, which stores a mode.
 */
function useWeeklySetting() {
  const [state, setState] = useState<WeeklyState | null>(null);
  const [note, setNote] = useState<'asking' | 'refused' | null>(null);
  useEffect(() => {
    const db = openDb();
    Promise.all([loadWeekly(db), notificationPermissions.contains({ permissions: ['notifications'] }).catch(() => false)]).then(
      ([s, granted]) => {
        setState(s);
        // Notifications chosen, then withdrawn in the browser's settings: the popup card takes over.
        if (s.notify && !granted) setNote('refused');
      },
      () => {},
    );
  }, []);

  // Called from the change itself: the permission request must happen inside the user's gesture.
  const choose = (mode: WeeklyMode) => {
    if (!state) return;
    const { stored, answered } = chooseWeekly(openDb(), mode, notificationPermissions);
    // Shown at once (the stored state follows), so the radio button stays where the user put it.
    setState(mode === 'off' ? { ...state, enabled: false, notify: false } : turnedOn(state, mode === 'notify', Date.now()));
    setNote(mode === 'notify' ? 'asking' : null);
    stored.then(setState, () => {});
    answered.then(
      ({ state: s, refused }) => {
        setState(s);
        setNote(refused ? 'refused' : null);
      },
      () => {},
    );
  };
  return { state, note, choose };
}
