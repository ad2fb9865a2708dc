import type { ClickworkDB } from '../db/schema';
import { updateWeekly } from './store';
import { turnedOn, type WeeklyState } from './week';

export type WeeklyMode = 'off' | 'card' | 'notify';

/** The part of `browser.permissions` the choice uses. */
export interface NotificationPermissions {
  contains(p: { permissions: 'notifications'[] }): Promise<boolean>;
  request(p: { permissions: 'notifications'[] }): Promise<boolean>;
  remove(p: { permissions: 'notifications'[] }): Promise<boolean>;
}

export function modeOf(state: WeeklyState): WeeklyMode {
  return !state.enabled ? 'off' : state.notify ? 'notify' : 'card';
}

/**
 * The user's choice, called from the click itself: browsers grant an optional permission only
 * while handling the user's gesture, so the request is the first thing done, before any await.
 * The choice is stored at once (a prompt may stay unanswered); a refusal then turns it into the
 * popup card. Leaving notifications gives the permission back (the narrowest permissions).
 * Resolves with the stored state and whether notifications were refused.
 */
export function chooseWeekly(
  db: ClickworkDB,
  mode: WeeklyMode,
  permissions: NotificationPermissions,
  now = Date.now(),
): { stored: Promise<WeeklyState>; answered: Promise<{ state: WeeklyState; refused: boolean }> } {
  const asked = mode === 'notify' ? permissions.request({ permissions: ['notifications'] }).catch(() => false) : null;
  const stored = updateWeekly(db, (s) =>
    mode === 'off' ? { ...s, enabled: false, notify: false } : turnedOn(s, mode === 'notify', now),
  );
  if (!asked) {
    permissions.remove({ permissions: ['notifications'] }).catch(() => {});
    return { stored, answered: stored.then((state) => ({ state, refused: false })) };
  }
  const answered = Promise.all([asked, stored]).then(async ([granted, state]) =>
    granted
      ? { state, refused: false }
      : { state: await updateWeekly(db, (s) => (s.notify ? { ...s, notify: false } : s)), refused: true },
  );
  return { stored, answered };
}
