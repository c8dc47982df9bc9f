import type { PushInput, PushResult } from '@comms-log/shared';
import type { ServiceUser } from '../../services/service-ctx';

/** What the main thread gives the push writer's worker when it starts it. */
export interface WriterData {
  url: string;
  /** The process's WriteOrder's buffer. */
  order: SharedArrayBuffer;
}

/** A push for the writer: the authenticated user and the request's validated input. */
export interface PushJob {
  id: number;
  user: ServiceUser;
  input: PushInput;
}

/** The writer's answer to job `id`: its result, or the error as a tRPC code and a message. */
export type PushAnswer =
  | { id: number; ok: true; result: PushResult }
  | { id: number; ok: false; code: string | null; message: string };

/** The worker's first message: its connection is open. */
export const WRITER_READY = 'ready';
