import { startPage } from '@/components/start-page';
import { Dashboard } from './Dashboard';
import '@/components/base.css';
import './style.css';

startPage(() => <Dashboard />, 'dashTitle');
