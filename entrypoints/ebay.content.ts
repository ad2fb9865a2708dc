import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/ebay';

export default defineContentScript(contentScriptFor(detector));
