import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { Card } from './Card';

export function Composer({ name, title }: { name: 'review' | 'comment'; title: string }) {
  const [text, setText] = useState('');
  const [posted, setPosted] = useState(false);
  return (
    <Card name={name} title={title} state="">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          // Like a platform: the box empties once the server has taken the text.
          setTimeout(() => {
            setText('');
            setPosted(true);
          }, 300);
        }}
      >
        <label class="sr-only" for={`p-${name}-text`}>
          {title}
        </label>
        <textarea
          id={`p-${name}-text`}
          rows={name === 'review' ? 3 : 2}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          data-testid={`p-${name}-text`}
        />
        <button type="submit" data-testid={`p-${name}-post`}>
          {t('pPost')}
        </button>
        {posted && <span role="status"> {t('pPosted')}</span>}
      </form>
    </Card>
  );
}
