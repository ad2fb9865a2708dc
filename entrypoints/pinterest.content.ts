import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/pinterest';

export default defineContentScript(contentScriptFor(detector));
