import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/reddit';

export default defineContentScript(contentScriptFor(detector));
