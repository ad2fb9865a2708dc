import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/perplexity';

export default defineContentScript(contentScriptFor(detector));
