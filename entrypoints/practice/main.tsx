import { startPage } from '@/components/start-page';
import { PracticePage } from './Practice';
import '@/components/base.css';
import './style.css';

startPage(() => <PracticePage />, 'practiceTitle');
