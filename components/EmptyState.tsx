import { browser } from 'wxt/browser';
import type { EmptyState as State } from '@/lib/db/empty';
import { t } from '@/lib/i18n';

/**
 * An empty view that says what to do: with nothing counted yet, how to begin (and where the welcome
 * page lists the sites); with an empty period, that other periods have actions.
 */
export function EmptyState({ state, where }: { state: Exclude<State, null>; where: 'popup' | 'dashboard' }) {
  if (state === 'period')
    return (
      <p class="empty" data-testid="empty-period">
        {t(where === 'popup' ? 'emptyPeriodPopup' : 'emptyPeriodDashboard')}
      </p>
    );
  return (
    <section class="empty" data-testid="empty">
      <h2>{t('emptyTitle')}</h2>
      <p>{t('emptyStart')}</p>
      <p>
        <a href={browser.runtime.getURL('/welcome.html')} target="_blank" rel="noopener" data-testid="empty-welcome">
          {t('emptyWhere')}
        </a>
        {' · '}
        <a href={browser.runtime.getURL('/practice.html')} target="_blank" rel="noopener" data-testid="empty-practice">
          {t('emptyPractice')}
        </a>
      </p>
    </section>
  );
}
