import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/tripadvisor';

export default defineContentScript(contentScriptFor(detector));
