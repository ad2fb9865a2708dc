import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/amazon';

export default defineContentScript(contentScriptFor(detector));
