import type { ReportLanguage } from '@comms-log/shared';
import { en } from './en';
import type { ReportMessages } from './types';
import { zh } from './zh';

/** The report's prose in each of its languages. */
export const reportMessages: Record<ReportLanguage, ReportMessages> = { en, 'zh-CN': zh };
