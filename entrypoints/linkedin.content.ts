import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/linkedin';

export default defineContentScript(contentScriptFor(detector));
