import { useState } from 'react';
import type { HandleKey, Stakeholder } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { withApi } from '../../../lib/api/session';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { Pager } from '../pager';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';
import { CsvImport } from './csv-import';
import { MergePanel } from './merge-panel';
import { PrivacyPanel } from './privacy-panel';
import { draftOf, emptyDraft, type StakeholderDraft } from './stakeholder-draft';
import { StakeholderForm } from './stakeholder-form';
import { PAGE, StakeholderSearch, StakeholderTable, TiersInUse, useStakeholderList } from './stakeholder-list';
import { SuggestionsQueue } from './suggestions';

/**
 * The stakeholder being created or edited, and what became of the last one. A stakeholder created from the queue's
 * handle (`fromHandle`) gets the handle's past messages assigned once it exists.
 */
function useStakeholderEditing() {
  const { t, reloadStakeholders, bumpData } = useDashboard();
  const [editing, setEditing] = useState<StakeholderDraft | null>(null);
  const [fromHandle, setFromHandle] = useState<HandleKey | null>(null);
  const [assignError, setAssignError] = useState<StoredError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const edit = (draft: StakeholderDraft, from: HandleKey | null = null) => {
    setSaved(null);
    setFromHandle(from);
    setEditing(draft);
  };
  const cancel = () => {
    setEditing(null);
    setFromHandle(null);
  };
  const changed = (message: string | null) => {
    setSaved(message);
    cancel();
    setVersion((n) => n + 1);
    reloadStakeholders();
    bumpData();
  };
  const created = async (s: Stakeholder) => {
    setAssignError(null);
    if (!editing?.id && fromHandle) {
      try {
        const res = await withApi((c) => c.directory.assignHandle.mutate({ ...fromHandle, stakeholderId: s.id }));
        return changed(t('dashCreatedAssigned', s.name, res.assigned, fromHandle.value));
      } catch (e) {
        // The stakeholder exists; only the assignment failed: say so, and leave the handle in the queue to retry.
        setAssignError(toStoredError(e));
      }
    }
    changed(editing?.id ? t('dashStakeholderSaved', s.name) : t('dashStakeholderCreated', s.name));
  };
  return { editing, fromHandle, assignError, setAssignError, saved, version, edit, cancel, changed, created };
}

/**
 * Directory management: stakeholders with type, tier, owner and identities; the unknown-counterparts queue (create,
 * assign, dismiss); CSV import; merge.
 */
export function DirectoryView() {
  const { t, canManage } = useDashboard();
  const e = useStakeholderEditing();
  const { filter, choose, offset, setOffset, list } = useStakeholderList(e.version);
  // Every active stakeholder, for the merge pickers and the tier summary.
  const all = useApiQuery(JSON.stringify(['dir-all', e.version]), (c) =>
    c.directory.list.query({ active: true, limit: 500 }),
  );
  if (!canManage) return <p className="pg-muted">{t('dashManagersOnly')}</p>;
  const active = all.data?.items ?? [];

  return (
    <div className="dash-directory">
      <section className="pg-card" aria-labelledby="dir-list-h">
        <div className="dash-h3-row">
          <h3 id="dir-list-h">{t('dashStakeholders')}</h3>
          <button type="button" className="pg-button pg-primary" onClick={() => e.edit(emptyDraft())}>
            {t('dashNewStakeholder')}
          </button>
        </div>
        <StakeholderSearch filter={filter} onChoose={choose} />
        <TiersInUse stakeholders={active} />
        {e.saved && (
          <p role="status" className="pg-ok">
            {e.saved}
          </p>
        )}
        {e.assignError && (
          <p role="alert" className="pg-error">
            {errorText(t, e.assignError)}
          </p>
        )}
        {e.editing && (
          <StakeholderForm
            key={e.editing.id ?? `new:${e.fromHandle ? `${e.fromHandle.kind}:${e.fromHandle.value}` : ''}`}
            initial={e.editing}
            onCancel={e.cancel}
            onDone={(s) => void e.created(s)}
          />
        )}
        {e.editing?.id && (
          <PrivacyPanel
            key={`privacy:${e.editing.id}`}
            stakeholder={{ id: e.editing.id, name: e.editing.name }}
            onErased={(message) => e.changed(message)}
          />
        )}
        <StatusLine t={t} loading={list.loading && !list.data} error={list.error} what={t('dashStakeholders')} />
        {list.data && (
          <>
            <StakeholderTable items={list.data.items} onEdit={(s) => e.edit(draftOf(s))} />
            <Pager t={t} offset={offset} pageSize={PAGE} total={list.data.total} onOffset={setOffset} />
          </>
        )}
      </section>
      <SuggestionsQueue
        stakeholders={active}
        version={e.version}
        onCreate={(draft, from) => {
          e.setAssignError(null);
          e.edit(draft, from);
          window.scrollTo({ top: 0 });
        }}
        onAssigned={(message) => e.changed(message)}
      />
      <CsvImport onImported={() => e.changed(null)} />
      <MergePanel stakeholders={active} onMerged={() => e.changed(null)} />
    </div>
  );
}
