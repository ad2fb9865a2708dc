import type { PlatformHealth } from '@/lib/db/health';
import { detectorFor } from '@/lib/detectors/registry';
import { formatMoment, platformLabel, t } from '@/lib/i18n';

const label = (h: PlatformHealth) => platformLabel(h.platform);

/** The platform's actions whose signal is not confirmed on the site, named by their detail. */
export function unconfirmedNote(platform: string): string | null {
  const d = detectorFor(platform);
  const details = (d?.unconfirmed ?? []).map((a) => d?.actions[a]?.detail ?? a);
  return details.length ? t('healthUnconfirmed', details.join(', ')) : null;
}

/** A visible warning per platform whose controls are no longer recognised (instead of silent zeros). */
export function HealthWarnings({ health }: { health: PlatformHealth[] }) {
  const broken = health.filter((h) => h.brokenSince);
  if (!broken.length) return null;
  return (
    <ul class="warnings" data-testid="health-warnings">
      {broken.map((h) => (
        <li key={h.platform} data-platform={h.platform}>
          <span aria-hidden="true">⚠ </span>
          {t('healthWarning', label(h), formatMoment(h.brokenSince as number))}
        </li>
      ))}
    </ul>
  );
}

/** When each platform's controls were last recognised, and when it last counted something. */
export function HealthDetails({ health }: { health: PlatformHealth[] }) {
  if (!health.length) return null;
  return (
    <details class="health" data-testid="health-details">
      <summary>{t('healthTitle')}</summary>
      <ul>
        {health.map((h) => {
          const note = unconfirmedNote(h.platform);
          return (
            <li key={h.platform}>
              <strong>{label(h)}</strong>{' '}
              {[
                h.lastOk ? t('healthLastOk', formatMoment(h.lastOk)) : null,
                h.lastEvent ? t('healthLastEvent', formatMoment(h.lastEvent)) : null,
              ]
                .filter(Boolean)
                .join(' · ') || t('healthNotYet')}
              {note ? <em data-unconfirmed=""> · {note}</em> : null}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
