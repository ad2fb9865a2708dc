import { PlatformSwitches, useTrackingSettings } from '@/components/PlatformSwitches';
import { RETENTION_CHOICES } from '@/lib/db/tracking';
import { formatMoment, formatNumber, t } from '@/lib/i18n';

/** The user's control over counting: pause, platforms (and their site access), retention, private windows. */
export function Tracking() {
  const [s, save] = useTrackingSettings();
  if (!s) return null;
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
      <PlatformSwitches settings={s} save={save} />
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
