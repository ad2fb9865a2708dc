import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/chatgpt';

export default defineContentScript(contentScriptFor(detector));
