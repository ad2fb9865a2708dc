import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/facebook';

export default defineContentScript(contentScriptFor(detector));
