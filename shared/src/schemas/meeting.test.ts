import { describe, expect, it } from 'vitest';
import { meetingFieldsSchema } from './meeting';

const messages = (schema: { safeParse: (v: unknown) => { error?: { issues: { message: string }[] } } }, v: unknown) =>
  schema.safeParse(v).error?.issues.map((i) => i.message) ?? [];

describe('meetingFieldsSchema', () => {
  it('cannot have more attending than invited', () => {
    expect(messages(meetingFieldsSchema, { invited: 10, attended: 11 })).toEqual(['More attended than invited']);
    expect(messages(meetingFieldsSchema, { invited: 10, attended: 10, series: 'weekly' })).toEqual([]);
  });
});
