import { useEffect, useId, useMemo, useState } from 'react';
import type { Purpose, StakeholderType } from '@comms-log/shared';
import { type LastPurposes, offeredPurposes, preselectedPurpose, purposeLabel } from '../lib/capture/purpose-choice';
import type { Lang } from '../lib/i18n';
import { sendToBackground } from '../lib/messages';
import type { T } from './use-t';

type Hints = { purposes: Purpose[]; last: LastPurposes };

/** The plan's purposes and the last ones used, asked of the background whenever the thread or stakeholder changes. */
function usePurposeHints(threadKey: string | null, stakeholderId: string | null): Hints | null {
  const [hints, setHints] = useState<Hints | null>(null);
  useEffect(() => {
    let live = true;
    sendToBackground('purpose-hints', { threadKey, stakeholderId }).then(
      (h) => live && setHints(h),
      () => live && setHints(null),
    );
    return () => {
      live = false;
    };
  }, [threadKey, stakeholderId]);
  return hints;
}

/**
 * The purpose for a log: the plan's purposes for the stakeholder's type, preselected with the thread's or the
 * stakeholder's last one until the user picks; a pick the type no longer offers gives way to the preselection.
 */
export function usePurposeChoice(opts: {
  threadKey: string | null;
  stakeholderId: string | null;
  type: StakeholderType | null;
}) {
  const hints = usePurposeHints(opts.threadKey, opts.stakeholderId);
  const [picked, setPicked] = useState<{ id: string | null } | null>(null);
  const offered = useMemo(() => offeredPurposes(hints?.purposes ?? [], opts.type), [hints, opts.type]);
  const preselected = hints ? preselectedPurpose(offered, hints.last) : null;
  const stillOffered = picked !== null && (picked.id === null || offered.some((p) => p.id === picked.id));
  const value = stillOffered ? picked.id : preselected;
  return { offered, value, pick: (id: string | null) => setPicked({ id }) };
}

const NONE = '';

/** "Purpose": none, or one of the offered purposes, labelled in the UI's language. */
export function PurposeSelect(props: {
  t: T;
  lang: Lang;
  offered: readonly Purpose[];
  value: string | null;
  onChange(id: string | null): void;
  /** The in-page panel's classes, or the popup's. */
  variant: 'panel' | 'popup';
}) {
  const { t, lang, offered, value } = props;
  const id = useId();
  const panel = props.variant === 'panel';
  return (
    <div className={panel ? 'cl-field' : 'pg-field'}>
      <label className={panel ? 'cl-label' : undefined} htmlFor={id}>
        {t('purposeLabel')}
      </label>
      <select
        id={id}
        className={panel ? 'cl-input' : undefined}
        value={value ?? NONE}
        onChange={(e) => props.onChange(e.target.value === NONE ? null : e.target.value)}
      >
        <option value={NONE}>{t('purposeNone')}</option>
        {offered.map((p) => (
          <option key={p.id} value={p.id}>
            {purposeLabel(p, lang)}
          </option>
        ))}
      </select>
    </div>
  );
}
