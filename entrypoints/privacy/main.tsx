import { render } from 'preact';
import { t, uiLanguage } from '@/lib/i18n';
import { PrivacyPage } from './Privacy';
import '@/components/base.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = `${t('privacyTitle')} — Clickwork Meter`;
render(<PrivacyPage />, document.getElementById('app') as HTMLElement);
