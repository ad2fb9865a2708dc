import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/claude';

export default defineContentScript(contentScriptFor(detector));
