import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/netflix';

export default defineContentScript(contentScriptFor(detector));
