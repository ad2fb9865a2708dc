import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/instagram';

export default defineContentScript(contentScriptFor(detector));
