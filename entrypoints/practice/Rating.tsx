import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { Card } from './Card';

export function Rating() {
  const [stars, set] = useState(0);
  return (
    <Card name="rating" title={t('pRating')} state={stars ? 'stars' : ''}>
      <div class="stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            type="button"
            key={n}
            aria-pressed={n <= stars}
            aria-label={t('pStar', n)}
            onClick={() => set(stars === n ? 0 : n)}
            data-testid={`p-star-${n}`}
          >
            {n <= stars ? '★' : '☆'}
          </button>
        ))}
      </div>
    </Card>
  );
}
