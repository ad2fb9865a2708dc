import { render } from 'preact';
import { t, uiLanguage } from '@/lib/i18n';
import { About } from './About';
import '@/components/base.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = `${t('aboutTitle')} — Clickwork Meter`;
render(<About />, document.getElementById('app') as HTMLElement);
