import { useEffect, useState } from 'preact/hooks';
import { openDb } from '@/lib/db/open';
import { type MessageKey, t } from '@/lib/i18n';
import { joinStudy, parseStudy, type Study } from '@/lib/research/study';
import { isJoinLink, parseJoinLink } from '@/lib/research/study-extras';

/**
 * Reading a study (a file's text, pasted text or a join link, also the page's own #join=… address)
 * and joining it once agreed: the study read (null when none or refused), why it was refused, the
 * agreement, the panel id a link carried.
 */
export function useJoin(onJoined: () => void) {
  const [text, setText] = useState('');
  const [study, setStudy] = useState<Study | null>(null);
  const [error, setError] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [joining, setJoining] = useState(false);
  const [panelId, setPanelId] = useState<string | undefined>();

  const refuse = (reason: string) => {
    setStudy(null);
    setAgreed(false);
    setError(t('studyRefused', reason));
  };

  const read = (source: string) => {
    setStudy(null);
    setAgreed(false);
    setPanelId(undefined);
    // A join link carries the study file itself (and perhaps a panel id): it is read like a file.
    if (isJoinLink(source)) {
      const link = parseJoinLink(source);
      if (!link.ok) return refuse(t(link.error === 'bad-link' ? 'studyErr_bad_link' : 'studyErr_bad_panel_id'));
      source = link.studyText;
      setPanelId(link.panelId);
    }
    const r = parseStudy(source);
    if (r.ok) {
      setError('');
      setStudy(r.study);
    } else {
      refuse(t(`studyErr_${r.error.replaceAll('-', '_')}` as MessageKey, r.field ?? ''));
    }
  };

  // Opened from a join link: research.html#join=…
  useEffect(() => {
    if (isJoinLink(location.hash)) read(location.hash);
  }, []);

  const join = async () => {
    if (!study || joining) return;
    setJoining(true);
    const r = await joinStudy(openDb(), study, Date.now(), panelId).finally(() => setJoining(false));
    if (r.ok) {
      if (isJoinLink(location.hash)) history.replaceState(null, '', location.pathname);
      setStudy(null);
      setPanelId(undefined);
      setText('');
      setAgreed(false);
      onJoined();
    } else setError(t(r.error === 'ended' ? 'studyErr_ended' : 'studyErr_already_joined'));
  };

  return { text, setText, study, setStudy, error, agreed, setAgreed, joining, panelId, refuse, read, join };
}
