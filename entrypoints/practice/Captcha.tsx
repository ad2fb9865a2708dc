import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { TrafficLight, Tree } from './CaptchaPictures';
import { Card } from './Card';

export function Captcha() {
  const [state, set] = useState('');
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<number[]>([]);
  const [again, setAgain] = useState(false);
  return (
    <Card name="captcha" title="CAPTCHA" state={state}>
      <button type="button" aria-pressed={state === 'challenge'} onClick={() => !state && setOpen(true)} data-testid="p-captcha">
        {state ? '☑' : '☐'} {state ? t('pCaptchaPassed') : t('pCaptcha')}
      </button>
      {open && (
        <div class="popover" role="dialog" aria-label="CAPTCHA">
          <p>{t('pCaptchaTask')}</p>
          <div class="tiles3">
            {[0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => (
              <button
                type="button"
                key={i}
                aria-pressed={picked.includes(i)}
                aria-label={t('pTile', i + 1)}
                onClick={() => setPicked(picked.includes(i) ? picked.filter((x) => x !== i) : [...picked, i])}
                data-testid={`p-tile-${i}`}
              >
                {i % 3 === 1 ? <TrafficLight /> : <Tree />}
              </button>
            ))}
          </div>
          {again && <p role="alert">{t('pCaptchaAgain')}</p>}
          <button
            type="button"
            onClick={() => {
              if (!picked.length) return setAgain(true);
              setOpen(false);
              set('challenge');
            }}
            data-testid="p-verify"
            data-verify
          >
            {t('pVerify')}
          </button>
        </div>
      )}
    </Card>
  );
}
