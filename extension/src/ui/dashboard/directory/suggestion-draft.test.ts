import { expect, it } from 'vitest';
import type { Suggestion } from '@comms-log/shared';
import { draftFromSuggestion } from './suggestion-draft';

const suggestion = (over: Partial<Suggestion> = {}): Suggestion => ({
  kind: 'email',
  value: 'li.lei@newco.cn',
  name: 'Li Lei',
  count: 3,
  threads: 2,
  firstAt: '2026-03-01T00:00:00.000Z',
  lastAt: '2026-03-05T00:00:00.000Z',
  sampleTitle: null,
  sampleUrl: null,
  suggestedDomain: 'newco.cn',
  matchedStakeholderId: null,
  ...over,
});

it('starts a new stakeholder from the sender: name, handle, and the organisation’s domain', () => {
  expect(draftFromSuggestion(suggestion())).toMatchObject({
    id: null,
    name: 'Li Lei',
    identities: [
      { kind: 'email', value: 'li.lei@newco.cn' },
      { kind: 'domain', value: 'newco.cn' },
    ],
  });
});

it('leaves the domain out when there is none (free mail, Weibo) or another stakeholder already resolves the sender', () => {
  expect(draftFromSuggestion(suggestion({ suggestedDomain: null })).identities).toEqual([
    { kind: 'email', value: 'li.lei@newco.cn' },
  ]);
  expect(draftFromSuggestion(suggestion({ matchedStakeholderId: 'S1' })).identities).toEqual([
    { kind: 'email', value: 'li.lei@newco.cn' },
  ]);
  expect(draftFromSuggestion(suggestion({ kind: 'weibo', value: '12345', suggestedDomain: null })).identities).toEqual([
    { kind: 'weibo', value: '12345' },
  ]);
});
