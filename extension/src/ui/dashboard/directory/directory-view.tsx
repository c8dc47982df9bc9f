import { useState } from 'react';
import { stakeholderTypes, type HandleKey, type Stakeholder, type StakeholderType } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { reportFormat } from '../../../lib/report/tables';
import { withApi } from '../../../lib/api/session';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { Pager } from '../pager';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';
import { CsvImport } from './csv-import';
import { MergePanel } from './merge-panel';
import { draftOf, emptyDraft, identityKindKey, StakeholderForm, type StakeholderDraft } from './stakeholder-form';
import { SuggestionsQueue } from './suggestions';

const PAGE = 50;

/**
 * Directory management: stakeholders with type, tier, owner and identities; the unknown-counterparts queue (create,
 * assign, dismiss); CSV import; merge.
 */
export function DirectoryView() {
  const { t, lang, canManage, userName, reloadStakeholders, bumpData } = useDashboard();
  const f = reportFormat(lang);
  const [search, setSearch] = useState('');
  const [type, setType] = useState<StakeholderType | ''>('');
  const [showInactive, setShowInactive] = useState(false);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<StakeholderDraft | null>(null);
  /** The queue's handle a new stakeholder is being created for: its past messages are assigned once it exists. */
  const [fromHandle, setFromHandle] = useState<HandleKey | null>(null);
  const [assignError, setAssignError] = useState<StoredError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const list = useApiQuery(JSON.stringify(['dir', search, type, showInactive, offset, version]), (c) =>
    c.directory.list.query({
      ...(search.trim() ? { search: search.trim() } : {}),
      ...(type ? { type: [type] } : {}),
      ...(showInactive ? {} : { active: true }),
      offset,
      limit: PAGE,
    }),
  );
  // Every active stakeholder, for the merge pickers and the tier summary.
  const all = useApiQuery(JSON.stringify(['dir-all', version]), (c) =>
    c.directory.list.query({ active: true, limit: 500 }),
  );
  const changed = (message: string | null) => {
    setSaved(message);
    setEditing(null);
    setFromHandle(null);
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

  if (!canManage) return <p className="pg-muted">{t('dashManagersOnly')}</p>;
  const tiers = new Map<string, number>();
  for (const s of all.data?.items ?? []) tiers.set(s.tier, (tiers.get(s.tier) ?? 0) + 1);
  const total = list.data?.total ?? 0;

  return (
    <div className="dash-directory">
      <section className="pg-card" aria-labelledby="dir-list-h">
        <div className="dash-h3-row">
          <h3 id="dir-list-h">{t('dashStakeholders')}</h3>
          <button
            type="button"
            className="pg-button pg-primary"
            onClick={() => (setSaved(null), setFromHandle(null), setEditing(emptyDraft()))}
          >
            {t('dashNewStakeholder')}
          </button>
        </div>
        <form className="dash-bar" role="search" onSubmit={(e) => e.preventDefault()}>
          <div className="pg-field">
            <label htmlFor="dir-search">{t('dashSearchDirectory')}</label>
            <input
              id="dir-search"
              type="search"
              value={search}
              onChange={(e) => (setSearch(e.target.value), setOffset(0))}
            />
          </div>
          <div className="pg-field">
            <label htmlFor="dir-type-filter">{t('dashColType')}</label>
            <select
              id="dir-type-filter"
              value={type}
              onChange={(e) => (setType(e.target.value as StakeholderType | ''), setOffset(0))}
            >
              <option value="">{t('dashAll')}</option>
              {stakeholderTypes.map((x) => (
                <option key={x} value={x}>
                  {f.type(x)}
                </option>
              ))}
            </select>
          </div>
          <label className="dash-inline">
            <input
              type="checkbox"
              checked={showInactive}
              onChange={(e) => (setShowInactive(e.target.checked), setOffset(0))}
            />
            {t('dashShowInactive')}
          </label>
        </form>
        {tiers.size > 0 && (
          <p className="pg-muted dash-hint">
            {t('dashTiersInUse')}{' '}
            {[...tiers]
              .sort((a, b) => b[1] - a[1])
              .map(([tier, n]) => `${tier} (${n})`)
              .join(' · ')}
          </p>
        )}
        {saved && (
          <p role="status" className="pg-ok">
            {saved}
          </p>
        )}
        {assignError && (
          <p role="alert" className="pg-error">
            {errorText(t, assignError)}
          </p>
        )}
        {editing && (
          <StakeholderForm
            key={editing.id ?? `new:${fromHandle ? `${fromHandle.kind}:${fromHandle.value}` : ''}`}
            initial={editing}
            onCancel={() => (setEditing(null), setFromHandle(null))}
            onDone={(s) => void created(s)}
          />
        )}
        <StatusLine t={t} loading={list.loading && !list.data} error={list.error} what={t('dashStakeholders')} />
        {list.data && (
          <>
            <div className="dash-table-wrap">
              <table className="dash-table" aria-label={t('dashStakeholders')}>
                <thead>
                  <tr>
                    <th scope="col">{t('stakeholderName')}</th>
                    <th scope="col">{t('dashColType')}</th>
                    <th scope="col">{t('dashColTier')}</th>
                    <th scope="col">{t('dashColOwner')}</th>
                    <th scope="col">{t('dashIdentitiesShort')}</th>
                    <th scope="col">{t('dashCadenceOverrideShort')}</th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((s) => (
                    <tr key={s.id} className={s.active ? undefined : 'pg-muted'}>
                      <th scope="row">
                        {s.name}
                        {s.organization ? <span className="pg-muted"> · {s.organization}</span> : null}
                        {s.active ? null : <span className="pg-muted"> ({t('dashInactive')})</span>}
                      </th>
                      <td>{f.type(s.type)}</td>
                      <td>{s.tier}</td>
                      <td>
                        {s.ownerUserId ? userName(s.ownerUserId) : <span className="pg-muted">{t('dashNoOwner')}</span>}
                      </td>
                      <td>
                        {s.identities.slice(0, 3).map((i) => (
                          <div key={i.id} title={t(identityKindKey[i.kind])}>
                            {i.value}
                          </div>
                        ))}
                        {s.identities.length > 3 && (
                          <span className="pg-muted">{t('dashAndMore', s.identities.length - 3)}</span>
                        )}
                      </td>
                      <td>
                        {s.cadenceOverride
                          ? t('dashCadenceDays', s.cadenceOverride.idealDays, s.cadenceOverride.maxDays)
                          : ''}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="pg-link"
                          aria-label={t('dashEditStakeholder', s.name)}
                          onClick={() => (setSaved(null), setFromHandle(null), setEditing(draftOf(s)))}
                        >
                          {t('dashEdit')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager t={t} offset={offset} pageSize={PAGE} total={total} onOffset={setOffset} />
          </>
        )}
      </section>
      <SuggestionsQueue
        stakeholders={all.data?.items ?? []}
        version={version}
        onCreate={(draft, from) => (
          setSaved(null), setAssignError(null), setFromHandle(from), setEditing(draft), window.scrollTo({ top: 0 })
        )}
        onAssigned={(message) => changed(message)}
      />
      <CsvImport onImported={() => changed(null)} />
      <MergePanel stakeholders={all.data?.items ?? []} onMerged={() => changed(null)} />
    </div>
  );
}
