import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/pinterest';

export default defineContentScript(contentScriptFor(detector));
