import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/stackoverflow';

export default defineContentScript(contentScriptFor(detector));
