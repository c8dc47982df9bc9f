/**
 * The only UI words the Trello adapter reads, per UI language (docs/adding-a-site.md "UI languages"). Comments,
 * authors and times come from `data-testid`s, `#comment-<id>` links and `title`s; only a system action's kind is
 * nowhere but in its sentence.
 */

/** "marked the due date incomplete" (its undoing); tested before `dueMarkedComplete`, which it contains in English. */
export const dueMarkedIncomplete = [
  /marked the due date incomplete/i,
  /将(?:到期日|截止日期)标记为未完成/,
  /將(?:到期日|截止日期)標記為未完成/,
  /期限を未完了に/,
];

/** "marked the due date complete". */
export const dueMarkedComplete = [
  /marked the due date complete/i,
  /将(?:到期日|截止日期)标记为已完成/,
  /將(?:到期日|截止日期)標記為已完成/,
  /期限を完了に/,
];
