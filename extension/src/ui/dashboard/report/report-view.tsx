import { useState } from 'react';
import {
  type ReportDocumentInput,
  type ReportLanguage,
  type ReportTexts,
  reportFileStem,
  reportTextsSchema,
} from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { withApi } from '../../../lib/api/session';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';
import { ReportBuildProgress } from './report-build-progress';
import { ReportDocument } from './report-document';
import { ReportEditions } from './report-editions';
import { ReportTools } from './report-tools';

const emptyTexts = (): ReportTexts => reportTextsSchema.parse({});

/** Saving the texts being written as a new edition, with its progress or its failure. */
function useSave(texts: ReportTexts, language: ReportLanguage, onSaved: (id: string) => void) {
  const { filter } = useDashboard();
  const [state, setState] = useState<{ saving: boolean; error: StoredError | null }>({ saving: false, error: null });
  const save = async () => {
    setState({ saving: true, error: null });
    try {
      const e = await withApi((c) => c.reports.save.mutate({ filter, language, texts }));
      setState({ saving: false, error: null });
      onSaved(e.id);
    } catch (e) {
      setState({ saving: false, error: toStoredError(e) });
    }
  };
  return { ...state, save };
}

/**
 * The period report in Chinese or English as six sections, with its exports. Managers write its texts and save
 * it as an edition, open saved editions and compare them; an open edition shows what was saved, unchanged.
 */
export function ReportView() {
  const { t, lang, filter, asOf, dataVersion, me, canManage } = useDashboard();
  const [language, setLanguage] = useState<ReportLanguage>(lang === 'zh_CN' ? 'zh-CN' : 'en');
  const [texts, setTexts] = useState<ReportTexts>(emptyTexts);
  const [openId, setOpenId] = useState<string | null>(null);
  const [saved, setSaved] = useState(0);
  const live = useApiQuery(openId ? null : JSON.stringify(['report', filter, language, asOf, dataVersion]), (c) =>
    c.reports.period.query({ filter, language, asOf }),
  );
  const edition = useApiQuery(openId ? JSON.stringify(['report-edition', openId]) : null, (c) =>
    c.reports.get.query({ id: openId! }),
  );
  const saving = useSave(texts, language, (id) => {
    setSaved((n) => n + 1);
    setOpenId(id);
  });
  const e = openId ? edition.data : undefined;
  const input: ReportDocumentInput | undefined = openId
    ? e && { report: e.figures, texts: e.texts, followUp: e.followUp, sincePrevious: e.sincePrevious }
    : live.data && { report: live.data, texts };
  const q = openId ? edition : live;
  const stem = input ? reportFileStem(me.org.name, input) : '';
  return (
    <div className="dash-report-view">
      <ReportTools input={input} stem={stem} language={e?.language ?? language} onLanguage={setLanguage} />
      {canManage && (
        <fieldset className="dash-report-edition-bar dash-noprint" aria-label={t('reportEditionBar')}>
          {openId ? (
            <>
              <span role="status">{e ? t('reportViewingEdition', e.createdBy.name ?? '—') : ''}</span>
              <button
                type="button"
                className="pg-button"
                onClick={() => {
                  if (e) setTexts(e.texts);
                  setOpenId(null);
                }}
              >
                {t('reportNewFromEdition')}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="pg-button pg-primary"
              disabled={!live.data || saving.saving}
              onClick={() => void saving.save()}
            >
              {saving.saving ? t('reportSaving') : t('reportSaveEdition')}
            </button>
          )}
          {saving.error && (
            <span role="alert" className="pg-error">
              {errorText(t, saving.error)}
            </span>
          )}
        </fieldset>
      )}
      <StatusLine t={t} loading={q.loading && !input} error={q.error} what={t('dashReportWord')} />
      <ReportBuildProgress t={t} active={(!openId && live.loading) || saving.saving} />
      {input && <ReportDocument input={input} stem={stem} onTexts={openId || !canManage ? undefined : setTexts} />}
      {canManage && <ReportEditions version={saved} openId={openId} onOpen={setOpenId} />}
    </div>
  );
}
