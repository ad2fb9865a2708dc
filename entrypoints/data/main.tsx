import { render } from 'preact';
import { t, uiLanguage } from '@/lib/i18n';
import { DataPage } from './DataPage';
import '@/components/base.css';
import '../about/style.css';

document.documentElement.lang = uiLanguage();
document.title = `${t('dataTitle')} — Clickwork Meter`;
render(<DataPage />, document.getElementById('app') as HTMLElement);
