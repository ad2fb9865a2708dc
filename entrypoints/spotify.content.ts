import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/spotify';

export default defineContentScript(contentScriptFor(detector));
