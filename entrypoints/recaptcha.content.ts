import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/recaptcha';

export default defineContentScript(contentScriptFor(detector));
