import { browser } from 'wxt/browser';
import { formatDuration, formatNumber, t } from '@/lib/i18n';
import type { ClassTotals } from '@/lib/research/class';

/** The three large numbers for a projector: participants, actions and time given. */
export function Tiles({ totals }: { totals: ClassTotals }) {
  const seconds = totals.measuredSeconds + totals.estimatedSeconds;
  return (
    <section class="tiles" aria-label={t('classTitle')}>
      <div class="tile">
        <span class="tile-label">{t('classTileParticipants')}</span>
        <strong data-testid="total-participants" data-value={totals.participants}>
          {formatNumber(totals.participants)}
        </strong>
      </div>
      <div class="tile">
        <span class="tile-label">{t('classTileActions')}</span>
        <strong data-testid="total-actions" data-value={totals.actions}>
          {formatNumber(totals.actions)}
        </strong>
      </div>
      <div class="tile tile-time">
        <span class="tile-label">{t('classTileHours')}</span>
        <strong data-testid="total-hours" data-value={seconds}>
          {formatDuration(seconds)}
        </strong>
        <span class="tile-note" data-testid="measured-note" data-value={totals.measuredSeconds}>
          {t('classHoursNote', formatDuration(totals.measuredSeconds), formatNumber(totals.measuredCount))}{' '}
          <a href={browser.runtime.getURL('/about.html')} target="_blank" rel="noopener">
            {t('aboutLink')}
          </a>
        </span>
      </div>
    </section>
  );
}
