import { PlatformSwitches, useTrackingSettings } from '@/components/PlatformSwitches';
import { RETENTION_CHOICES, type TrackingSettings } from '@/lib/db/tracking';
import { formatMoment, formatNumber, t } from '@/lib/i18n';

/** The tracking settings as shown, and what stores a change to them. */
interface SettingsProps {
  s: TrackingSettings;
  save: (next: TrackingSettings) => Promise<void>;
}

/** The user's control over counting: pause, platforms (and their site access), retention, private windows. */
export function Tracking() {
  const [s, save] = useTrackingSettings();
  if (!s) return null;
  return (
    <section aria-labelledby="tracking" data-testid="tracking">
      <h2 id="tracking">{t('trackTitle')}</h2>
      <Pause s={s} save={save} />
      <PlatformSwitches settings={s} save={save} />
      <Retention s={s} save={save} />
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

/** 6 am tomorrow, local time: when "Pause until tomorrow" ends. */
function tomorrow(): number {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 6).getTime();
}

/** Pause counting for an hour or until tomorrow; while paused, until when, and resume. */
function Pause({ s, save }: SettingsProps) {
  const paused = s.pausedUntil !== undefined && s.pausedUntil > Date.now();
  return (
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
  );
}

/** How long the history is kept: for ever, or one of the retention choices. */
function Retention({ s, save }: SettingsProps) {
  return (
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
  );
}
