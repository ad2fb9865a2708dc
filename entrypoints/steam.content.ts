import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/steam';

export default defineContentScript(contentScriptFor(detector));
