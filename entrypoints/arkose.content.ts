import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/arkose';

export default defineContentScript(contentScriptFor(detector));
