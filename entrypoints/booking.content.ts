import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/booking';

export default defineContentScript(contentScriptFor(detector));
