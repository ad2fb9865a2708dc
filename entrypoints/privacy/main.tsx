import { startPage } from '@/components/start-page';
import { PrivacyPage } from './Privacy';
import '@/components/base.css';
import './style.css';

startPage(() => <PrivacyPage />, 'privacyTitle');
