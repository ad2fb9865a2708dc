import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/__ID__';

export default defineContentScript(contentScriptFor(detector));
