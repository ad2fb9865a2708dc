import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openDb } from '@/lib/db/open';
import { loadTracking, saveTracking, type TrackingSettings } from '@/lib/db/tracking';
import { DETECTORS } from '@/lib/detectors/registry';
import type { Detector } from '@/lib/detectors/types';
import { t } from '@/lib/i18n';
import { type PermissionsApi, platformAccess, releaseAccess, requestAccess } from '@/lib/permissions';
import type { PlatformId } from '@/lib/taxonomy';
import './platform-switches.css';
import { announce } from '@/lib/page-messages';

const permissions = browser.permissions as unknown as PermissionsApi & {
  onAdded: { addListener(f: () => void): void; removeListener(f: () => void): void };
  onRemoved: { addListener(f: () => void): void; removeListener(f: () => void): void };
};

/** The tracking settings and their saver, which tells the background at once (it applies a shorter retention). */
export function useTrackingSettings(): [TrackingSettings | null, (next: TrackingSettings) => Promise<void>] {
  const [s, setS] = useState<TrackingSettings | null>(null);
  useEffect(() => {
    loadTracking(openDb()).then(setS);
  }, []);
  const save = useCallback(async (next: TrackingSettings) => {
    setS(next);
    await saveTracking(openDb(), next);
    announce('tracking-changed');
  }, []);
  return [s, save];
}

/** What the browser grants now, per platform (the switches show it, not just the setting), and who is being asked. */
function usePlatformAccess() {
  const [access, setAccess] = useState<Map<PlatformId, boolean> | null>(null);
  const [asking, setAsking] = useState<ReadonlySet<PlatformId>>(new Set());
  const readAccess = useCallback(async () => {
    const now = await platformAccess(permissions, DETECTORS);
    setAccess(now);
    setAsking((a) => new Set([...a].filter((id) => !now.get(id))));
  }, []);
  useEffect(() => {
    readAccess();
    // The user may grant or withdraw access in the browser's own settings while this page is open.
    permissions.onAdded.addListener(readAccess);
    permissions.onRemoved.addListener(readAccess);
    return () => {
      permissions.onAdded.removeListener(readAccess);
      permissions.onRemoved.removeListener(readAccess);
    };
  }, [readAccess]);
  return { access, asking, setAsking, readAccess };
}

/** One switch per platform (dashboard "Tracking", welcome page): off stops counting it, on asks for its site access. */
export function PlatformSwitches({
  settings: s,
  save,
}: {
  settings: TrackingSettings;
  save: (next: TrackingSettings) => Promise<void>;
}) {
  const { access, asking, setAsking, readAccess } = usePlatformAccess();
  if (!access) return null;
  /** On: counted again; without site access, asks for it (from the click itself: a user gesture). */
  const switchOn = (d: Detector) => {
    const asked = access.get(d.id) ? null : requestAccess(permissions, d);
    if (asked) setAsking((a) => new Set([...a, d.id]));
    save({ ...s, disabled: s.disabled.filter((p) => p !== d.id) });
    asked?.then(() => {
      setAsking((a) => new Set([...a].filter((id) => id !== d.id)));
      readAccess();
    });
  };
  /** Off: not counted from now on; then the browser is asked to take back what no other platform needs. */
  const switchOff = async (id: PlatformId) => {
    const disabled = [...s.disabled, id];
    await save({ ...s, disabled });
    // Chromium refuses and Firefox ignores it for access granted at installation: what is left is read back.
    await releaseAccess(permissions, id, DETECTORS, (p) => !disabled.includes(p));
    await readAccess();
  };
  return (
    <>
      <fieldset class="platform-switches">
        <legend>{t('trackPlatforms')}</legend>
        {DETECTORS.map((d) => (
          <SwitchRow
            key={d.id}
            d={d}
            on={!s.disabled.includes(d.id)}
            granted={access.get(d.id) === true}
            asking={asking.has(d.id)}
            switchOn={switchOn}
            switchOff={switchOff}
          />
        ))}
      </fieldset>
      {DETECTORS.some((d) => s.disabled.includes(d.id) && access.get(d.id)) && (
        <p class="access-note" data-testid="access-note">
          {t('trackAccessNote')}
        </p>
      )}
    </>
  );
}

function SwitchRow(props: {
  d: Detector;
  on: boolean;
  granted: boolean;
  asking: boolean;
  switchOn: (d: Detector) => void;
  switchOff: (id: PlatformId) => void;
}) {
  const { d, on, granted, asking, switchOn, switchOff } = props;
  const status = asking
    ? t('trackAsking')
    : on && !granted
      ? t('trackNoAccess')
      : !on
        ? t(granted ? 'trackAccessKept' : 'trackAccessGone')
        : null;
  return (
    <div class="platform-switch">
      <label>
        <input
          type="checkbox"
          checked={on && granted}
          onChange={(e) => ((e.target as HTMLInputElement).checked ? switchOn(d) : switchOff(d.id))}
          data-testid={`switch-${d.id}`}
        />{' '}
        {d.label}
      </label>
      {status && (
        <span class="switch-status" data-testid={`access-${d.id}`}>
          {status}
        </span>
      )}
      {on && !granted && !asking && (
        <button
          type="button"
          aria-label={t('trackAllowLabel', d.label)}
          onClick={() => switchOn(d)}
          data-testid={`allow-${d.id}`}
        >
          {t('trackAllow')}
        </button>
      )}
    </div>
  );
}
