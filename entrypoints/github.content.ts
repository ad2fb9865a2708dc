import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/github';

export default defineContentScript(contentScriptFor(detector));
