import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/reddit';

export default defineContentScript(contentScriptFor(detector));
