import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/spotify';

export default defineContentScript(contentScriptFor(detector));
