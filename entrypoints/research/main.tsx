import { render } from 'preact';
import { t, uiLanguage } from '@/lib/i18n';
import { ResearchPage } from './ResearchPage';
import '@/components/base.css';
import '../about/style.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = `${t('researchTitle')} — Clickwork Meter`;
render(<ResearchPage />, document.getElementById('app') as HTMLElement);
