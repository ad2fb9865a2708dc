import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/youtube';

export default defineContentScript(contentScriptFor(detector));
