import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/facebook';

export default defineContentScript(contentScriptFor(detector));
