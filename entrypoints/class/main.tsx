import { startPage } from '@/components/start-page';
import { ClassTotals } from './ClassTotals';
import '@/components/base.css';
import './style.css';

startPage(() => <ClassTotals />, 'classTitle');
