import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/goodreads';

export default defineContentScript(contentScriptFor(detector));
