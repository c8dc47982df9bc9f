import { describe, expect, it } from 'vitest';
import type { CadenceRule } from '../schemas/plan';
import { cadenceStatus, coverageRate, isOurContact, resolveCadence, type CadenceContact } from './cadence';
import { defaultPlan } from './default-plan';

const DAY = 86_400_000;
const at = (local: string) => Date.parse(`${local}+08:00`);
const monthly: CadenceRule = { stakeholderType: 'customer', tier: null, idealDays: 21, maxDays: 30, channels: null };

describe('resolveCadence', () => {
  it('uses the tier-null rules for a tier without rules of its own', () => {
    expect(resolveCadence(defaultPlan, { type: 'customer', tier: 'standard', cadenceOverride: null })).toEqual([
      monthly,
    ]);
    expect(resolveCadence(defaultPlan, { type: 'partner', tier: 'standard', cadenceOverride: null })).toEqual([
      { stakeholderType: 'partner', tier: null, idealDays: 21, maxDays: 30, channels: null },
    ]);
  });

  it("uses only the exact tier's rules when it has some", () => {
    const core = resolveCadence(defaultPlan, { type: 'partner', tier: 'core', cadenceOverride: null });
    expect(core.map((r) => [r.tier, r.maxDays, r.channels])).toEqual([
      ['core', 30, null],
      ['core', 90, ['video', 'in_person']],
    ]);
  });

  it('is empty when nothing applies (media below key tier)', () => {
    expect(resolveCadence(defaultPlan, { type: 'media', tier: 'standard', cadenceOverride: null })).toEqual([]);
    expect(resolveCadence(defaultPlan, { type: 'media', tier: 'key', cadenceOverride: null })).toHaveLength(1);
  });

  it('lets a per-stakeholder override replace the plan', () => {
    expect(
      resolveCadence(defaultPlan, { type: 'partner', tier: 'core', cadenceOverride: { idealDays: 5, maxDays: 7 } }),
    ).toEqual([{ stakeholderType: 'partner', tier: 'core', idealDays: 5, maxDays: 7, channels: null }]);
  });
});

describe('isOurContact', () => {
  const c = (over: Partial<CadenceContact>): CadenceContact => ({
    occurredAtMs: 0,
    direction: 'outbound',
    channel: 'email',
    ...over,
  });
  it('counts outbound, live and answered inbound; not unanswered inbound, automated or internal', () => {
    expect(isOurContact(c({}))).toBe(true);
    expect(isOurContact(c({ direction: 'inbound', channel: 'phone' }))).toBe(true);
    expect(isOurContact(c({ direction: 'inbound', answeredInbound: true }))).toBe(true);
    expect(isOurContact(c({ direction: 'inbound' }))).toBe(false);
    expect(isOurContact(c({ automated: true }))).toBe(false);
    expect(isOurContact(c({ internal: true }))).toBe(false);
  });
});

describe('cadenceStatus', () => {
  const created = at('2026-01-01T09:00');

  it('runs from the last outbound or two-way contact, ignoring unanswered inbound', () => {
    const contacts: CadenceContact[] = [
      { occurredAtMs: at('2026-02-01T10:00'), direction: 'outbound', channel: 'email' },
      { occurredAtMs: at('2026-02-20T10:00'), direction: 'inbound', channel: 'email' },
    ];
    const s = cadenceStatus(contacts, [monthly], at('2026-03-01T10:00'), created);
    expect(s.rules[0]).toMatchObject({
      lastContactMs: at('2026-02-01T10:00'),
      idealByMs: at('2026-02-22T10:00'),
      dueByMs: at('2026-03-03T10:00'),
      state: 'due',
    });
    expect(s.state).toBe('due');
    // The same inbound, answered, is two-way contact.
    const twoWay = cadenceStatus(
      [contacts[0]!, { ...contacts[1]!, answeredInbound: true }],
      [monthly],
      at('2026-03-01T10:00'),
      created,
    );
    expect(twoWay.state).toBe('ok');
    expect(twoWay.rules[0]!.lastContactMs).toBe(at('2026-02-20T10:00'));
  });

  it('is overdue only after the maximum has passed', () => {
    const contacts: CadenceContact[] = [
      { occurredAtMs: at('2026-02-01T10:00'), direction: 'inbound', channel: 'video' },
    ];
    expect(cadenceStatus(contacts, [monthly], at('2026-02-22T10:00'), created).state).toBe('ok');
    expect(cadenceStatus(contacts, [monthly], at('2026-03-03T10:00'), created).state).toBe('due');
    expect(cadenceStatus(contacts, [monthly], at('2026-03-03T10:00') + 1, created).state).toBe('overdue');
  });

  it('runs from creation for a stakeholder never contacted', () => {
    const s = cadenceStatus(
      [{ occurredAtMs: at('2026-01-05T10:00'), direction: 'inbound', channel: 'email' }],
      [monthly],
      at('2026-01-25T09:00'),
      created,
    );
    expect(s.rules[0]).toMatchObject({
      lastContactMs: null,
      dueByMs: created + 30 * DAY,
      idealByMs: created + 21 * DAY,
      state: 'due',
    });
  });

  it('ignores contacts after asOf', () => {
    const s = cadenceStatus(
      [{ occurredAtMs: at('2026-03-10T10:00'), direction: 'outbound', channel: 'email' }],
      [monthly],
      at('2026-03-05T00:00'),
      created,
    );
    expect(s.rules[0]!.lastContactMs).toBeNull();
    expect(s.state).toBe('overdue');
  });

  it('counts only the channels a rule names, and reports the worst rule', () => {
    const rules = resolveCadence(defaultPlan, { type: 'partner', tier: 'core', cadenceOverride: null });
    const contacts: CadenceContact[] = [
      { occurredAtMs: at('2026-03-01T10:00'), direction: 'outbound', channel: 'email' },
      { occurredAtMs: at('2025-11-20T10:00'), direction: 'outbound', channel: 'in_person' },
    ];
    const s = cadenceStatus(contacts, rules, at('2026-03-05T10:00'), at('2025-01-01T00:00'));
    expect(s.rules.map((r) => [r.lastContactMs, r.state])).toEqual([
      [at('2026-03-01T10:00'), 'ok'],
      [at('2025-11-20T10:00'), 'overdue'],
    ]);
    expect(s.state).toBe('overdue');
    expect(s.worst!.rule.channels).toEqual(['video', 'in_person']);
  });

  it('is ok with no rules', () => {
    expect(cadenceStatus([], [], at('2026-03-05T10:00'), created)).toEqual({ state: 'ok', rules: [], worst: null });
  });
});

describe('coverageRate', () => {
  it('counts not-overdue stakeholders as covered', () => {
    expect(coverageRate(['ok', 'due', 'overdue', 'ok'])).toEqual({
      active: 4,
      covered: 3,
      due: 1,
      overdue: 1,
      rate: 0.75,
    });
    expect(coverageRate([])).toEqual({ active: 0, covered: 0, due: 0, overdue: 0, rate: null });
  });
});
