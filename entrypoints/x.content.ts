import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/x';

export default defineContentScript(contentScriptFor(detector));
