import {
  type Channel,
  channels,
  type ReportLanguage,
  reportWords,
  type StakeholderType,
  stakeholderTypes,
} from '@comms-log/shared';

/**
 * The names of stakeholder types and channels as the report's sentences use them: the report's own table and chart
 * words (shared/src/domain/report/labels.ts), so that one report names a channel one way. English sentences carry
 * them mid-sentence, in lower case; Chinese has no case.
 */
export function sentenceWords(language: ReportLanguage): {
  stakeholderType: Record<StakeholderType, string>;
  channel: Record<Channel, string>;
} {
  const words = reportWords(language);
  const inSentence = (word: string) => (language === 'en' ? word.toLowerCase() : word);
  const table = <K extends string>(keys: readonly K[], name: (key: K) => string) =>
    Object.fromEntries(keys.map((key) => [key, inSentence(name(key))])) as Record<K, string>;
  return { stakeholderType: table(stakeholderTypes, words.type), channel: table(channels, words.channel) };
}
