import { render } from 'preact';
import { t, uiLanguage } from '@/lib/i18n';
import { ensureMessages } from '@/lib/i18n-fallback';
import { Dashboard } from './Dashboard';
import '@/components/base.css';
import './style.css';

// The catalogue first (lib/i18n-fallback.ts: Chromium may hand this page an empty one).
void ensureMessages().then(() => {
  document.documentElement.lang = uiLanguage();
  document.title = `${t('dashTitle')} — Clickwork Meter`;
  render(<Dashboard />, document.getElementById('app') as HTMLElement);
});
