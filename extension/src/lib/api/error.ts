/**
 * Why a call to the server failed, in the few kinds a person can act on. The UI turns `code` into words in
 * the user's language; `detail` carries the server's own message (already meant for people) or the URL.
 */
export type ApiErrorCode =
  | 'not-configured'
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'invalid'
  | 'server'
  | 'unknown';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly detail: string;

  constructor(code: ApiErrorCode, detail = '') {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ApiError';
    this.code = code;
    this.detail = detail;
  }

  /** A problem with this request's content: retrying the same request cannot help. */
  get isPermanent(): boolean {
    return this.code === 'invalid' || this.code === 'forbidden';
  }
}

/** The plain-data form kept in storage (errors do not survive structured cloning with their class). */
export type StoredError = { code: ApiErrorCode; detail: string };

export function toStoredError(err: unknown): StoredError {
  const e = toApiError(err);
  return { code: e.code, detail: e.detail };
}

/** The HTTP status a tRPC error maps to, for the tRPC error codes the server uses. */
const TRPC_CODE_STATUS: Record<string, number> = {
  PARSE_ERROR: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
};

type TrpcLikeError = {
  message?: unknown;
  data?: { httpStatus?: unknown; code?: unknown } | null;
  shape?: { data?: { httpStatus?: unknown }; message?: unknown } | null;
  meta?: { response?: { status?: unknown } } | null;
  cause?: unknown;
};

function statusOf(e: TrpcLikeError): number | null {
  const candidates = [e.data?.httpStatus, e.shape?.data?.httpStatus, e.meta?.response?.status];
  for (const c of candidates) if (typeof c === 'number' && c > 0) return c;
  if (typeof e.data?.code === 'string' && e.data.code in TRPC_CODE_STATUS) return TRPC_CODE_STATUS[e.data.code] ?? null;
  return null;
}

/**
 * Classifies any error from the tRPC client (or fetch) by what the user should do: no status at all means the
 * request never got an answer (network down, server stopped, wrong address).
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (typeof err !== 'object' || err === null) return new ApiError('unknown', String(err));
  const e = err as TrpcLikeError;
  const message = typeof e.message === 'string' ? e.message : '';
  const status = statusOf(e);
  if (status === null) {
    // tRPC wraps fetch's TypeError ("Failed to fetch", "fetch failed", "NetworkError when attempting…").
    const cause = e.cause instanceof Error ? e.cause : null;
    if (err instanceof TypeError || cause instanceof TypeError || /fetch|network/i.test(message))
      return new ApiError('network', '');
    if (/JSON|Unexpected token|<!DOCTYPE/i.test(message)) return new ApiError('server', 'not a comms-log server');
    return new ApiError('unknown', message);
  }
  if (status === 401) return new ApiError('unauthorized', message);
  if (status === 403) return new ApiError('forbidden', message);
  // Rate limits and timeouts pass: treat them like a busy server, so the sync retries.
  if (status === 408 || status === 429) return new ApiError('server', String(status));
  if (status >= 400 && status < 500) return new ApiError('invalid', message);
  return new ApiError('server', String(status));
}
