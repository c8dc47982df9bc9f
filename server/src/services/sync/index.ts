/* Sync between the extension's outbox and the server (docs/sync.md). */
export { pull } from './pull';
export { push } from './push';
export { toFollowup } from './rows';
