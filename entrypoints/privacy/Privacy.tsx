import fr from '@/docs/PRIVACY.fr.md?raw';
import en from '@/docs/PRIVACY.md?raw';
import { uiLanguage } from '@/lib/i18n';
import { type Inline, parsePolicy } from '@/lib/policy';

/** docs/PRIVACY.md (or its French text), bundled at build time: the page and the file cannot differ. */
export function PrivacyPage() {
  const blocks = parsePolicy(uiLanguage().startsWith('fr') ? fr : en);
  return (
    <main data-testid="privacy">
      {blocks.map((b, i) => {
        if (b.type === 'ul')
          return (
            <ul key={i}>
              {b.items.map((item, j) => (
                <li key={j}>
                  <Spans spans={item} />
                </li>
              ))}
            </ul>
          );
        const Tag = b.type;
        return (
          <Tag key={i}>
            <Spans spans={b.content} />
          </Tag>
        );
      })}
    </main>
  );
}

function Spans({ spans }: { spans: Inline[] }) {
  return (
    <>
      {spans.map((s, i) => {
        if (!s.style) return s.text;
        const Tag = s.style;
        return <Tag key={i}>{s.text}</Tag>;
      })}
    </>
  );
}
