import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openDb } from '@/lib/db/open';
import { loadTracking, RETENTION_CHOICES, saveTracking, type TrackingSettings } from '@/lib/db/tracking';
import { DETECTORS } from '@/lib/detectors/registry';
import type { Detector } from '@/lib/detectors/types';
import { formatMoment, formatNumber, t } from '@/lib/i18n';
import { type PermissionsApi, platformAccess, releaseAccess, requestAccess } from '@/lib/permissions';
import type { PlatformId } from '@/lib/taxonomy';

const permissions = browser.permissions as unknown as PermissionsApi & {
  onAdded: { addListener(f: () => void): void; removeListener(f: () => void): void };
  onRemoved: { addListener(f: () => void): void; removeListener(f: () => void): void };
};

/** The user's control over counting: pause, platforms (and their site access), retention, private windows. */
export function Tracking() {
  const [s, setS] = useState<TrackingSettings | null>(null);
  // What the browser grants now, per platform: the switches show it, not just the setting.
  const [access, setAccess] = useState<Map<PlatformId, boolean> | null>(null);
  const [asking, setAsking] = useState<ReadonlySet<PlatformId>>(new Set());
  const readAccess = useCallback(async () => {
    const now = await platformAccess(permissions, DETECTORS);
    setAccess(now);
    setAsking((a) => new Set([...a].filter((id) => !now.get(id))));
  }, []);
  useEffect(() => {
    loadTracking(openDb()).then(setS);
    readAccess();
    // The user may grant or withdraw access in the browser's own settings while this page is open.
    permissions.onAdded.addListener(readAccess);
    permissions.onRemoved.addListener(readAccess);
    return () => {
      permissions.onAdded.removeListener(readAccess);
      permissions.onRemoved.removeListener(readAccess);
    };
  }, [readAccess]);
  if (!s || !access) return null;

  const save = async (next: TrackingSettings) => {
    setS(next);
    await saveTracking(openDb(), next);
    // The background reads them again at once (and applies a shorter retention).
    browser.runtime.sendMessage({ type: 'tracking-changed' }).catch(() => {});
  };
  /** On: counted again; without site access, asks for it (from the click itself: a user gesture). */
  const switchOn = (d: Detector) => {
    const asked = access.get(d.id) ? null : requestAccess(permissions, d);
    if (asked) setAsking((a) => new Set([...a, d.id]));
    save({ ...s, disabled: s.disabled.filter((p) => p !== d.id) });
    asked?.then(() => {
      setAsking((a) => new Set([...a].filter((id) => id !== d.id)));
      readAccess();
    });
  };
  /** Off: not counted from now on; then the browser is asked to take back what no other platform needs. */
  const switchOff = async (id: PlatformId) => {
    const disabled = [...s.disabled, id];
    await save({ ...s, disabled });
    // Chromium refuses and Firefox ignores it for access granted at installation: what is left is read back.
    await releaseAccess(permissions, id, DETECTORS, (p) => !disabled.includes(p));
    await readAccess();
  };
  const paused = s.pausedUntil !== undefined && s.pausedUntil > Date.now();
  const tomorrow = () => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 6).getTime();
  };

  return (
    <section aria-labelledby="tracking" data-testid="tracking">
      <h2 id="tracking">{t('trackTitle')}</h2>
      <p>
        {paused && (
          <strong role="status" data-testid="paused">
            {t('trackPaused', formatMoment(s.pausedUntil as number))}{' '}
          </strong>
        )}
        {paused ? (
          <button type="button" onClick={() => save({ ...s, pausedUntil: undefined })} data-testid="resume">
            {t('trackResume')}
          </button>
        ) : (
          <>
            <button type="button" onClick={() => save({ ...s, pausedUntil: Date.now() + 3_600_000 })} data-testid="pause-hour">
              {t('trackPause1h')}
            </button>{' '}
            <button type="button" onClick={() => save({ ...s, pausedUntil: tomorrow() })}>
              {t('trackPauseDay')}
            </button>
          </>
        )}
      </p>
      <fieldset class="platform-switches">
        <legend>{t('trackPlatforms')}</legend>
        {DETECTORS.map((d) => {
          const on = !s.disabled.includes(d.id);
          const granted = access.get(d.id) === true;
          const status = asking.has(d.id)
            ? t('trackAsking')
            : on && !granted
              ? t('trackNoAccess')
              : !on
                ? t(granted ? 'trackAccessKept' : 'trackAccessGone')
                : null;
          return (
            <div class="platform-switch" key={d.id}>
              <label>
                <input
                  type="checkbox"
                  checked={on && granted}
                  onChange={(e) => ((e.target as HTMLInputElement).checked ? switchOn(d) : switchOff(d.id))}
                  data-testid={`switch-${d.id}`}
                />{' '}
                {d.label}
              </label>
              {status && (
                <span class="switch-status" data-testid={`access-${d.id}`}>
                  {status}
                </span>
              )}
              {on && !granted && !asking.has(d.id) && (
                <button
                  type="button"
                  aria-label={t('trackAllowLabel', d.label)}
                  onClick={() => switchOn(d)}
                  data-testid={`allow-${d.id}`}
                >
                  {t('trackAllow')}
                </button>
              )}
            </div>
          );
        })}
      </fieldset>
      {DETECTORS.some((d) => s.disabled.includes(d.id) && access.get(d.id)) && (
        <p class="access-note" data-testid="access-note">
          {t('trackAccessNote')}
        </p>
      )}
      <p>
        <label>
          {t('trackRetention')}{' '}
          <select
            value={s.retentionDays ?? ''}
            onChange={(e) => {
              const v = Number((e.target as HTMLSelectElement).value);
              save({ ...s, retentionDays: v || undefined });
            }}
            data-testid="retention"
          >
            <option value="">{t('retentionForever')}</option>
            {RETENTION_CHOICES.map((d) => (
              <option key={d} value={d}>
                {t('retentionDays', formatNumber(d))}
              </option>
            ))}
          </select>
        </label>
      </p>
      <p>
        <label>
          <input
            type="checkbox"
            checked={s.badge === true}
            onChange={(e) => save({ ...s, badge: (e.target as HTMLInputElement).checked })}
            data-testid="badge"
          />{' '}
          {t('trackBadge')}
        </label>
      </p>
      <p>
        <label>
          <input
            type="checkbox"
            checked={s.privateWindows}
            onChange={(e) => save({ ...s, privateWindows: (e.target as HTMLInputElement).checked })}
          />{' '}
          {t('trackPrivate')}
        </label>
      </p>
    </section>
  );
}
