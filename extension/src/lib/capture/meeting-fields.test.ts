import { describe, expect, it } from 'vitest';
import { checkMeetingFields } from './meeting-fields';

describe('checkMeetingFields', () => {
  it('reads headcounts and a series for a meeting, blanks as none', () => {
    expect(checkMeetingFields('video', { invited: ' 12 ', attended: '9', series: ' Weekly sync ' })).toEqual({
      values: { invited: 12, attended: 9, series: 'Weekly sync' },
      problem: null,
    });
    expect(checkMeetingFields('phone', { invited: '', attended: '', series: '' }).values).toEqual({
      invited: null,
      attended: null,
      series: null,
    });
  });

  it('refuses more attended than invited, attended alone, and counts that are not whole numbers', () => {
    expect(checkMeetingFields('in_person', { invited: '8', attended: '9', series: '' }).problem).toEqual({
      kind: 'moreAttended',
      invited: 8,
      attended: 9,
    });
    expect(checkMeetingFields('in_person', { invited: '', attended: '3', series: '' }).problem).toEqual({
      kind: 'attendedWithoutInvited',
    });
    expect(checkMeetingFields('video', { invited: '2.5', attended: '', series: '' }).problem).toEqual({
      kind: 'notCount',
      field: 'invited',
      value: '2.5',
    });
    expect(checkMeetingFields('video', { invited: '5', attended: '-1', series: '' }).problem).toMatchObject({
      field: 'attended',
    });
  });

  it('ignores the fields for a chat', () => {
    expect(checkMeetingFields('im', { invited: '1', attended: '5', series: 'x' })).toEqual({
      values: { invited: null, attended: null, series: null },
      problem: null,
    });
  });
});
