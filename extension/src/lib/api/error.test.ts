import { describe, expect, it } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import { toApiError } from './error';

function trpcError(httpStatus: number, message: string) {
  return new TRPCClientError(message, {
    result: { error: { message, code: -32600, data: { httpStatus, code: 'X' } } } as never,
  });
}

describe('toApiError', () => {
  it('tells a network failure from the server refusing', () => {
    const net = new TRPCClientError('Failed to fetch', { cause: new TypeError('Failed to fetch') });
    expect(toApiError(net).code).toBe('network');
    expect(toApiError(new TypeError('fetch failed')).code).toBe('network');
  });
  it('maps 401, 403, 400 and 5xx by status, keeping the server message', () => {
    expect(toApiError(trpcError(401, 'token revoked'))).toMatchObject({
      code: 'unauthorized',
      detail: 'token revoked',
    });
    expect(toApiError(trpcError(403, 'managers only'))).toMatchObject({ code: 'forbidden', detail: 'managers only' });
    expect(toApiError(trpcError(400, 'name: too long'))).toMatchObject({
      code: 'invalid',
      detail: 'name: too long',
      isPermanent: true,
    });
    expect(toApiError(trpcError(503, 'x'))).toMatchObject({ code: 'server', isPermanent: false });
    expect(toApiError(trpcError(429, 'slow down')).code).toBe('server');
  });
});
