import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/gemini';

export default defineContentScript(contentScriptFor(detector));
