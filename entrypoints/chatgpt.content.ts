import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/chatgpt';

export default defineContentScript(contentScriptFor(detector));
