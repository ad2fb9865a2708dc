import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/letterboxd';

export default defineContentScript(contentScriptFor(detector));
