import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/linkedin';

export default defineContentScript(contentScriptFor(detector));
