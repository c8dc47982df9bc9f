import {
  interactionInputSchema,
  type CaptureLevel,
  type CapturedMessage,
  type CapturedThread,
  type Channel,
  type HandleRef,
  type InteractionData,
  type StakeholderType,
} from '@comms-log/shared';

/** What the user chose in the Log-this panel, plus what the org allows us to keep. */
export type CaptureChoice = {
  stakeholderId: string | null;
  stakeholderType: StakeholderType;
  channel: Channel;
  captureLevel: CaptureLevel;
  /** The purpose chosen in the panel (an id of the plan's purposes), on every message logged; null for none. */
  purpose: string | null;
};

export type CaptureDeps = {
  /** Whether the local copy already holds this message (same source and external id). */
  isLogged: (source: CapturedThread['site'], externalId: string) => boolean;
  /** A fresh ULID. */
  newId: () => string;
};

/** `<site>:<threadId>`: groups a conversation's messages on the server and in the local copy. */
export function threadKeyOf(thread: Pick<CapturedThread, 'site' | 'threadId'>): string {
  return `${thread.site}:${thread.threadId}`;
}

/**
 * cyrb53 (public domain): a fast, well-mixed 53-bit string hash. Two seeds give 106 bits, plenty to tell
 * apart the messages of one org without a crypto API (content scripts and tests alike).
 */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The message's id on the server: the page's own id, else a hash of what identifies it on any screen
 * (thread, author, instant). The instant is normalised to UTC so two colleagues in different time zones
 * who log the same message produce the same id, and the server keeps one row. Messages of one author in one
 * instant collide here: a thread's ids come from {@link threadExternalIds}.
 */
export function messageExternalId(thread: Pick<CapturedThread, 'threadId'>, message: CapturedMessage): string {
  if (message.id) return message.id;
  const instant = new Date(message.sentAt).toISOString();
  const author = (message.author.handle ?? message.author.name).trim().toLowerCase();
  const key = `${thread.threadId}\u0000${author}\u0000${instant}`;
  return `h:${hash53(key, 1).toString(36)}${hash53(key, 2).toString(36)}`;
}

/**
 * Every message's id, in page order. Messages without a page id by the same author in the same instant (a chat
 * prints minutes) share {@link messageExternalId}: the first keeps it, so ids issued before stay as they were, and
 * the n-th after it gets `#n` (2, 3 …) in page order, so none is lost and logging the thread again finds them all
 * (docs/sync.md "Outbox first").
 */
export function threadExternalIds(thread: Pick<CapturedThread, 'threadId' | 'messages'>): string[] {
  const seen = new Map<string, number>();
  return thread.messages.map((message) => {
    const base = messageExternalId(thread, message);
    if (message.id) return base;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

const NO_REPLY = /^(no-?reply|do-?not-?reply|mailer-daemon|postmaster|notifications?|bounce[s]?)([+.-][^@]*)?@/i;

/** Free-mail domains never identify an organisation (docs/architecture.md "Data model"): two gmail.com people are not colleagues. */
const FREE_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'yeah.net',
  'sina.com',
  'sina.cn',
  'sohu.com',
  'aliyun.com',
]);

function emailDomain(handle: string | null): string | null {
  if (!handle) return null;
  const at = handle.lastIndexOf('@');
  return at > 0 ? handle.slice(at + 1).toLowerCase() : null;
}

/** An email thread whose every author shares the account's (non-free-mail) domain never involved an outsider. */
function isInternalThread(thread: CapturedThread): boolean {
  if (thread.channel !== 'email') return false;
  const own = emailDomain(thread.account.handle);
  if (!own || FREE_MAIL_DOMAINS.has(own)) return false;
  return thread.messages.every((m) => emailDomain(m.author.handle) === own);
}

/**
 * The counterpart to resolve in the directory: the first inbound author with a handle, as the identity kind
 * the site's handles are (email for the two mail sites).
 */
export function counterpartHandle(thread: CapturedThread): HandleRef | null {
  const first = thread.messages.find((m) => m.direction === 'inbound' && m.author.handle);
  if (!first?.author.handle) return null;
  const kind = thread.site === 'gmail' || thread.site === 'outlook' ? 'email' : thread.site;
  return { kind, value: first.author.handle };
}

type EvaluationFields = Pick<
  InteractionData,
  | 'invited'
  | 'attended'
  | 'series'
  | 'projectStatus'
  | 'dueAt'
  | 'doneAt'
  | 'reposts'
  | 'comments'
  | 'likes'
  | 'reads'
  | 'followers'
>;

/**
 * What the capture adds to one message's interaction. A project item's status and dates go on every row this
 * capture sends, so each new row carries what the page shows now (rows logged before get it from
 * `refreshedInteractions`). An own post's counts go only on the post's own row (the message whose id is the
 * thread's): the server counts each outbound row with counts as one post, so our replies under it must not carry
 * them.
 */
function evaluationFields(thread: CapturedThread, message: CapturedMessage): EvaluationFields {
  const project = thread.project ?? null;
  const own = thread.ownPost && message.id === thread.threadId ? thread.ownPost : null;
  return {
    invited: null,
    attended: null,
    series: null,
    projectStatus: project?.status ?? null,
    dueAt: project?.dueAt ?? null,
    doneAt: project?.doneAt ?? null,
    reposts: own?.reposts ?? null,
    comments: own?.comments ?? null,
    likes: own?.likes ?? null,
    reads: own?.reads ?? null,
    followers: own?.followers ?? null,
  };
}

/**
 * One interaction per captured message not logged before (so logging a thread again adds only what is new),
 * keeping only what the org's capture level allows: metadata → neither title nor snippet, subject → the
 * title, snippet → both.
 */
export function captureToInteractions(
  thread: CapturedThread,
  choice: CaptureChoice,
  deps: CaptureDeps,
): { interactions: InteractionData[]; skipped: number } {
  const threadKey = threadKeyOf(thread);
  const internal = isInternalThread(thread);
  const keepTitle = choice.captureLevel !== 'metadata';
  const keepSnippet = choice.captureLevel === 'snippet';
  const seen = new Set<string>();
  const interactions: InteractionData[] = [];
  let skipped = 0;
  const externalIds = threadExternalIds(thread);
  for (const [index, message] of thread.messages.entries()) {
    const externalId = externalIds[index] ?? messageExternalId(thread, message);
    if (seen.has(externalId) || deps.isLogged(thread.site, externalId)) {
      skipped++;
      continue;
    }
    seen.add(externalId);
    interactions.push({
      id: deps.newId(),
      source: thread.site,
      externalId,
      threadKey,
      channel: choice.channel,
      direction: message.direction,
      occurredAt: message.sentAt,
      stakeholderId: choice.stakeholderId,
      stakeholderType: choice.stakeholderType,
      author: { name: message.author.name, handle: message.author.handle },
      title: keepTitle && thread.title ? thread.title : null,
      snippet: keepSnippet && message.text ? message.text : null,
      url: thread.url,
      durationMin: null,
      note: null,
      automated: message.direction === 'inbound' && NO_REPLY.test(message.author.handle ?? ''),
      internal,
      purpose: choice.purpose,
      ...evaluationFields(thread, message),
    });
  }
  return { interactions, skipped };
}

const DATE_FIELDS = new Set<keyof EvaluationFields>(['dueAt', 'doneAt']);

/** Equal values; two times are equal when they name the same instant, whatever zone they were written in. */
function sameValue(key: keyof EvaluationFields, stored: unknown, latest: unknown): boolean {
  const a = stored ?? null;
  const b = latest ?? null;
  if (a === null || b === null || !DATE_FIELDS.has(key)) return a === b;
  return Date.parse(String(a)) === Date.parse(String(b));
}

/** The groups of latest values (docs/architecture.md "Latest values") the capture sets on an already-logged row. */
function latestValuesFor(thread: CapturedThread, row: InteractionData): Partial<EvaluationFields> {
  const { project, ownPost } = thread;
  return {
    ...(project ? { projectStatus: project.status, dueAt: project.dueAt, doneAt: project.doneAt } : {}),
    ...(ownPost && row.source === thread.site && row.externalId === thread.threadId ? ownPost : {}),
  };
}

/**
 * The thread's already-logged rows whose project status and dates, or (the post's own row) post counts, the
 * capture changes: each as stored, with the capture's values, for the server to keep the latest ones. A row
 * whose values are the same is left out, so logging an unchanged thread again sends nothing; a stored row that
 * no longer passes the schema is left as it is.
 */
export function refreshedInteractions(thread: CapturedThread, logged: readonly InteractionData[]): InteractionData[] {
  const refreshed: InteractionData[] = [];
  for (const row of logged) {
    const latest = latestValuesFor(thread, row);
    const changed = Object.entries(latest).some(
      ([key, value]) => !sameValue(key as keyof EvaluationFields, row[key as keyof EvaluationFields], value),
    );
    if (!changed) continue;
    // Inputs refuse unknown keys: stripping keeps the interaction's own fields and drops what the local copy adds
    // (derived fields, loggedAt) before the row is checked again.
    const stored = interactionInputSchema.strip().safeParse(row);
    if (stored.success) refreshed.push({ ...stored.data, ...latest });
  }
  return refreshed;
}
