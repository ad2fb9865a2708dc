import { render } from 'preact';
import { uiLanguage } from '@/lib/i18n';
import { App } from './App';
import '@/components/base.css';
import './style.css';

document.documentElement.lang = uiLanguage();
render(<App />, document.getElementById('app') as HTMLElement);
