import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openDb } from '@/lib/db/open';
import { t, userLocale } from '@/lib/i18n';
import { chooseWeekly, type NotificationPermissions, type WeeklyMode } from '@/lib/weekly/choose';
import { claimDueWeek, loadWeekly, markHandled, updateWeekly } from '@/lib/weekly/store';
import { type WeeklyNumbers, weeklyNumbers, weeklyText } from '@/lib/weekly/summary';
import { dueWeek, type WeeklyState } from '@/lib/weekly/week';

export const notificationPermissions = browser.permissions as unknown as NotificationPermissions;

/**
 * The week to show in the popup, if one is due. With notifications chosen and granted, the popup
 * opened first takes the week (the background then does not notify it too).
 */
async function dueNumbers(): Promise<WeeklyNumbers | null> {
  const db = openDb();
  const state = await loadWeekly(db);
  const now = Date.now();
  let week = dueWeek(state, now);
  if (!week) return null;
  const notifying =
    state.notify && (await notificationPermissions.contains({ permissions: ['notifications'] }).catch(() => false));
  if (notifying) week = await claimDueWeek(db, now);
  if (!week) return null;
  const numbers = await weeklyNumbers(db, week, userLocale());
  if (numbers.total > 0) return numbers;
  // Nothing counted that week: nothing to say, and nothing to dismiss.
  await markHandled(db, week);
  return null;
}

/** The weekly look back at the top of the popup, until dismissed. */
export function WeeklyCard() {
  const [numbers, setNumbers] = useState<WeeklyNumbers | null>(null);
  useEffect(() => {
    dueNumbers()
      .then(setNumbers)
      .catch((error) => console.warn('[clickwork] weekly look back', error));
  }, []);
  if (!numbers) return null;
  const { title, lines } = weeklyText(numbers);
  return (
    <section class="weekly-card" aria-labelledby="weekly-title" data-testid="weekly-card" data-week={numbers.week}>
      <h2 id="weekly-title">{title}</h2>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <button
        type="button"
        onClick={() => {
          setNumbers(null);
          markHandled(openDb(), numbers.week).catch(() => {});
        }}
        data-testid="weekly-dismiss"
      >
        {t('weeklyDismiss')}
      </button>
    </section>
  );
}

/** The popup's offer to turn the look back on (off by default), until the user answers. */
export function WeeklyOffer() {
  const [state, setState] = useState<WeeklyState | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    loadWeekly(openDb()).then(setState, () => {});
  }, []);
  if (done) return <p data-testid="weekly-offer-done">{t('weeklyOfferDone')}</p>;
  if (!state || state.enabled || state.offerHidden) return null;
  // Called from the click itself: the notification permission is asked for inside the user's gesture.
  const choose = (mode: Exclude<WeeklyMode, 'off'>) => {
    chooseWeekly(openDb(), mode, notificationPermissions).stored.then(
      () => setDone(true),
      () => {},
    );
  };
  return (
    <section class="weekly-offer" aria-labelledby="weekly-offer" data-testid="weekly-offer">
      <p id="weekly-offer">{t('weeklyOffer')}</p>
      <button type="button" onClick={() => choose('card')} data-testid="weekly-offer-card">
        {t('weeklyOfferCard')}
      </button>{' '}
      <button type="button" onClick={() => choose('notify')} data-testid="weekly-offer-notify">
        {t('weeklyOfferNotify')}
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          setState({ ...state, offerHidden: true });
          updateWeekly(openDb(), (s) => ({ ...s, offerHidden: true })).catch(() => {});
        }}
        data-testid="weekly-offer-no"
      >
        {t('weeklyOfferNo')}
      </button>
    </section>
  );
}
