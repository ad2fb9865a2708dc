import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/x';

export default defineContentScript(contentScriptFor(detector));
