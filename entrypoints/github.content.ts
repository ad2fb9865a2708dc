import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/github';

export default defineContentScript(contentScriptFor(detector));
