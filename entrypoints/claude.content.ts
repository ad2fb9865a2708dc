import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/claude';

export default defineContentScript(contentScriptFor(detector));
