import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/imdb';

export default defineContentScript(contentScriptFor(detector));
