import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/tiktok';

export default defineContentScript(contentScriptFor(detector));
