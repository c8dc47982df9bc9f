import { describe, expect, it, vi } from 'vitest';
import { BADGE_DUE_SOON_COLOR, BADGE_LATE_COLOR, badgeFor, showBadge } from './badge';

describe('badgeFor', () => {
  it('shows the late count on red when anything is late, whatever is due soon', () => {
    expect(badgeFor({ late: 3, dueSoon: 5 })).toEqual({ text: '3', color: BADGE_LATE_COLOR });
    expect(badgeFor({ late: 1, dueSoon: 0 })).toEqual({ text: '1', color: BADGE_LATE_COLOR });
  });

  it('shows the due-soon count on amber when nothing is late', () => {
    expect(badgeFor({ late: 0, dueSoon: 2 })).toEqual({ text: '2', color: BADGE_DUE_SOON_COLOR });
  });

  it('is empty when nothing is late or due soon', () => {
    expect(badgeFor({ late: 0, dueSoon: 0 })).toEqual({ text: '', color: null });
  });

  it('fits four characters', () => {
    expect(badgeFor({ late: 999, dueSoon: 0 }).text).toBe('999');
    expect(badgeFor({ late: 1000, dueSoon: 0 }).text).toBe('999+');
    expect(badgeFor({ late: 0, dueSoon: 12345 }).text).toBe('999+');
  });

  it('red and amber are different colours', () => {
    expect(BADGE_LATE_COLOR).not.toBe(BADGE_DUE_SOON_COLOR);
  });
});

describe('showBadge', () => {
  it('sets text, colour and tooltip; an empty badge keeps the old colour', async () => {
    const api = { setBadgeText: vi.fn(), setBadgeBackgroundColor: vi.fn(), setTitle: vi.fn() };
    await showBadge(api, badgeFor({ late: 2, dueSoon: 0 }), 'two late');
    expect(api.setBadgeText).toHaveBeenCalledWith({ text: '2' });
    expect(api.setBadgeBackgroundColor).toHaveBeenCalledWith({ color: BADGE_LATE_COLOR });
    expect(api.setTitle).toHaveBeenCalledWith({ title: 'two late' });
    await showBadge(api, badgeFor({ late: 0, dueSoon: 0 }), 'none');
    expect(api.setBadgeText).toHaveBeenLastCalledWith({ text: '' });
    expect(api.setBadgeBackgroundColor).toHaveBeenCalledTimes(1);
  });
});
