import { startPage } from '@/components/start-page';
import { About } from './About';
import '@/components/base.css';
import './style.css';

startPage(() => <About />, 'aboutTitle');
