/**
 * The only UI words the Jira adapter reads, per UI language (zh-CN, zh-TW, en, ja). Everything else is found by
 * data-testids, ids, hrefs and machine-readable times; these are read only where the page offers nothing else.
 */
type Lang = 'en' | 'zh-CN' | 'zh-TW' | 'ja';
type WordTable = Record<Lang, readonly string[]>;

/** The label Jira prints before a resolution date that has no `datetime` or `title` ("Resolved March 10, 2026…"). */
const resolvedLabel: WordTable = {
  en: ['Resolution date', 'Resolved'],
  'zh-CN': ['解决日期', '解决于', '已解决'],
  'zh-TW': ['解決日期', '解決於', '已解決'],
  ja: ['解決日', '解決済み'],
};

/** Every language's words of one table, longest first so that "Resolution date" wins over a shorter prefix. */
function anyLanguage(table: WordTable): readonly string[] {
  return Object.values(table)
    .flat()
    .sort((a, b) => b.length - a.length);
}

export const jiraWords = { resolvedLabels: anyLanguage(resolvedLabel) } as const;
