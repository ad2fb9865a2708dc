import { render } from 'preact';
import { t, uiLanguage } from '@/lib/i18n';
import { ClassTotals } from './ClassTotals';
import '@/components/base.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = `${t('classTitle')} — Clickwork Meter`;
render(<ClassTotals />, document.getElementById('app') as HTMLElement);
