import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/turnstile';

export default defineContentScript(contentScriptFor(detector));
