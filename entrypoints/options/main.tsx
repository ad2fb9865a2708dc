import { startPage } from '@/components/start-page';
import { openDb } from '@/lib/db/open';
import { Dashboard } from './Dashboard';
import '@/components/base.css';
import './style.css';

// The database opens from the script's first line, beside the language catalogue, instead of at the
// first read (opening it takes ~20 ms; two A/B pairs, 21 openings each at 1k events: the dashboard's
// first chart came 25–27 ms after the popup's with this, 35–43 ms without). A failure is the first
// read's, shown by it.
openDb()
  .open()
  .catch(() => {});
startPage(() => <Dashboard />, 'dashTitle');
