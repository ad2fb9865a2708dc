import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/yelp';

export default defineContentScript(contentScriptFor(detector));
