import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/lechat';

export default defineContentScript(contentScriptFor(detector));
