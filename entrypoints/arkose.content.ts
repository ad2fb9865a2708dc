import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/arkose';

export default defineContentScript(contentScriptFor(detector));
