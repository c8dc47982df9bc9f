/*
 * The error codes each procedure can return besides those every procedure of its kind can (docs/api.md "Errors"):
 * BAD_REQUEST for an input, UNAUTHORIZED without a valid token, FORBIDDEN for a role it is not open to, and
 * INTERNAL_SERVER_ERROR. A procedure added to the router needs a row here, or the reference's test fails.
 */

export const errorCodes = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** What each code means to a caller. */
export const errorMeaning: Record<ErrorCode, string> = {
  BAD_REQUEST: 'the input is not valid, or asks for what cannot be (the message names the field)',
  UNAUTHORIZED: 'no token, or a revoked one',
  FORBIDDEN: 'the caller’s role may not do this, or a staff member named another user’s records',
  NOT_FOUND: 'a record the input names is not in the caller’s org',
  CONFLICT: 'the change clashes with the stored state (taken, already done, or changed since it was read)',
  INTERNAL_SERVER_ERROR: 'a fault of the server; the answer shows no detail',
};

const none: readonly ErrorCode[] = [];
const staffScoped: readonly ErrorCode[] = ['FORBIDDEN'];

/** Codes beyond the common ones, by procedure path. */
export const procedureErrors: Record<string, readonly ErrorCode[]> = {
  'audit.list': none,
  'auth.whoami': none,
  'auth.tokens.list': ['FORBIDDEN'],
  'auth.tokens.create': ['FORBIDDEN', 'NOT_FOUND'],
  'auth.tokens.revoke': ['FORBIDDEN', 'NOT_FOUND'],
  'sync.push': none,
  'sync.pull': none,
  'directory.list': none,
  'directory.get': ['NOT_FOUND'],
  'directory.create': ['CONFLICT'],
  'directory.update': ['NOT_FOUND', 'CONFLICT'],
  'directory.delete': ['NOT_FOUND'],
  'directory.addIdentity': ['NOT_FOUND', 'CONFLICT'],
  'directory.removeIdentity': ['NOT_FOUND'],
  'directory.match': none,
  'directory.importCsv': none,
  'directory.merge': ['NOT_FOUND', 'CONFLICT'],
  'directory.suggestions': none,
  'directory.assignHandle': ['NOT_FOUND', 'CONFLICT'],
  'directory.dismissHandle': none,
  'directory.undismissHandle': none,
  'plan.get': none,
  'plan.update': ['CONFLICT'],
  'plan.publicHolidays': none,
  'plan.recomputePreview': none,
  'plan.recompute': none,
  'settings.get': none,
  'settings.update': ['FORBIDDEN'],
  'users.list': none,
  'users.create': ['CONFLICT'],
  'users.update': ['NOT_FOUND', 'CONFLICT'],
  'metrics.totals': staffScoped,
  'metrics.responseTimes': staffScoped,
  'metrics.coverage': staffScoped,
  'metrics.cadence': staffScoped,
  'metrics.interactions': staffScoped,
  'metrics.threads': staffScoped,
  'followups.overdue': staffScoped,
  'followups.list': staffScoped,
  'followups.create': ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  'followups.complete': ['FORBIDDEN', 'NOT_FOUND'],
  'followups.snooze': ['FORBIDDEN', 'NOT_FOUND'],
  'followups.closeWait': ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  'followups.closures': none,
  'reports.period': staffScoped,
  'reports.goals': staffScoped,
  'reports.save': none,
  'reports.list': none,
  'reports.get': ['NOT_FOUND'],
  'reports.compare': ['NOT_FOUND'],
  'threads.get': ['NOT_FOUND'],
  'threads.resolve': ['NOT_FOUND', 'CONFLICT'],
  'threads.reopen': ['NOT_FOUND', 'CONFLICT'],
  'evaluations.recordSurvey': ['FORBIDDEN', 'CONFLICT'],
  'evaluations.importSurveysCsv': none,
  'evaluations.listSurveys': staffScoped,
  'evaluations.recordCoverage': ['FORBIDDEN', 'CONFLICT'],
  'evaluations.updateCoverage': ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  'evaluations.importCoverageCsv': none,
  'evaluations.listCoverage': none,
  'evaluations.recordCost': ['CONFLICT'],
  'evaluations.setRevenue': none,
  'evaluations.listCosts': none,
  'activities.create': ['FORBIDDEN', 'CONFLICT'],
  'activities.update': ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT'],
  'activities.list': staffScoped,
  'mail.getSchedule': none,
  'mail.setSchedule': none,
  'mail.sends': none,
  'siteHealth.report': none,
  'siteHealth.list': none,
};
