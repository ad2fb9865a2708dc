import { startPage } from '@/components/start-page';
import { DataPage } from './DataPage';
import '@/components/base.css';
import '../about/style.css';

startPage(() => <DataPage />, 'dataTitle');
