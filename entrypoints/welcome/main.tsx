import { startPage } from '@/components/start-page';
import { WelcomePage } from './Welcome';
import '@/components/base.css';
import '@/entrypoints/practice/style.css';
import './style.css';

startPage(() => <WelcomePage />, 'welcomeTitle', false);
