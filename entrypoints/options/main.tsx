import { render } from 'preact';
import { t, uiLanguage } from '@/lib/i18n';
import { Dashboard } from './Dashboard';
import '@/components/base.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = `${t('dashTitle')} — Clickwork Meter`;
render(<Dashboard />, document.getElementById('app') as HTMLElement);
