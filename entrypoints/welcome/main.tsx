import { render } from 'preact';
import { t, uiLanguage } from '@/lib/i18n';
import { WelcomePage } from './Welcome';
import '@/components/base.css';
import '@/entrypoints/practice/style.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = `${t('welcomeTitle')}`;
render(<WelcomePage />, document.getElementById('app') as HTMLElement);
