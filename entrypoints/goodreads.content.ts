import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/goodreads';

export default defineContentScript(contentScriptFor(detector));
