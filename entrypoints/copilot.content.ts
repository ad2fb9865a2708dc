import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/copilot';

export default defineContentScript(contentScriptFor(detector));
