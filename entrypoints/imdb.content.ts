import { contentScriptFor } from '@/lib/content/entry';
import { page as detector } from '@/lib/detectors/imdb';

export default defineContentScript(contentScriptFor(detector));
