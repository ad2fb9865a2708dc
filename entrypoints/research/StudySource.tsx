import { t } from '@/lib/i18n';
import { MAX_STUDY_BYTES } from '@/lib/research/study';

interface SourceProps {
  text: string;
  setText: (text: string) => void;
  read: (source: string) => void;
  refuse: (reason: string) => void;
}

/** Where a study comes from: a file chosen, or text pasted (the file itself or a join link). */
export function StudySource({ text, setText, read, refuse }: SourceProps) {
  return (
    <>
      <p>
        <label>
          {t('studyFile')}{' '}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="study-file"
            onChange={async (e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              // Cleared, so that choosing the same file again (corrected) reads it again.
              input.value = '';
              if (!file) return;
              // A huge file is refused from its size, without reading it into memory.
              if (file.size > MAX_STUDY_BYTES) refuse(t('studyErr_too_large'));
              else read(await file.text());
            }}
          />
        </label>
      </p>
      <p>
        <label for="study-text">{t('studyPaste')}</label>
        <textarea
          id="study-text"
          rows={4}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          data-testid="study-text"
        />
        <button type="button" onClick={() => read(text)} disabled={!text.trim()} data-testid="study-read">
          {t('studyRead')}
        </button>
      </p>
    </>
  );
}
