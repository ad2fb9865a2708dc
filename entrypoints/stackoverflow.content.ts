import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/stackoverflow';

export default defineContentScript(contentScriptFor(detector));
