import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/instagram';

export default defineContentScript(contentScriptFor(detector));
