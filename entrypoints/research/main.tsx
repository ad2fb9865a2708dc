import { startPage } from '@/components/start-page';
import { ResearchPage } from './ResearchPage';
import '@/components/base.css';
import '../about/style.css';
import './style.css';

startPage(() => <ResearchPage />, 'researchTitle');
