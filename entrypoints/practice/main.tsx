import { render } from 'preact';
import { t, uiLanguage } from '@/lib/i18n';
import { PracticePage } from './Practice';
import '@/components/base.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = `${t('practiceTitle')} — Clickwork Meter`;
render(<PracticePage />, document.getElementById('app') as HTMLElement);
