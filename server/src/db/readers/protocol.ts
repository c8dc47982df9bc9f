import type { ReportKind } from '../../services/jobs/report-services';
import type { ServiceUser } from '../../services/service-ctx';

/** What the main thread gives the report builder's worker when it starts it. */
export interface ReportThreadData {
  url: string;
  /** The process's WriteOrder's buffer (saving an edition writes). */
  order: SharedArrayBuffer;
}

/** A build for the report thread: the service's name, the authenticated user and the validated input. */
export interface ReportRequest {
  id: number;
  kind: ReportKind;
  user: ServiceUser;
  input: unknown;
  now?: number;
}

/** The thread's messages about build `id`: a step done, then its result or its error as a tRPC code and a message. */
export type ReportMessage =
  | { id: number; step: { done: number; total: number } }
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; code: string | null; message: string };

/** The worker's first message: its connections are open. */
export const REPORT_THREAD_READY = 'ready';
