import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/tiktok';

export default defineContentScript(contentScriptFor(detector));
