import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/letterboxd';

export default defineContentScript(contentScriptFor(detector));
