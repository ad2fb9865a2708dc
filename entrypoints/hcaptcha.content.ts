import { contentScriptFor } from '@/lib/content/entry';
import detector from '@/lib/detectors/hcaptcha';

export default defineContentScript(contentScriptFor(detector));
