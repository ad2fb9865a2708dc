import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/steam';

export default defineContentScript(contentScriptFor(detector));
