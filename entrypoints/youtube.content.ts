import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/youtube';

export default defineContentScript(contentScriptFor(detector));
