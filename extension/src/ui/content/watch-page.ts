import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Re-checking the page at most this often keeps busy apps (Gmail re-renders constantly) cheap to watch. */
const RECHECK_MS = 300;

/** Calls `check` once now, then at most every RECHECK_MS while the page changes or navigates. */
export function watchPage(ctx: ContentScriptContext, check: () => void): void {
  let timer: number | null = null;
  const schedule = () => {
    if (timer !== null) return;
    timer = ctx.setTimeout(() => {
      timer = null;
      check();
    }, RECHECK_MS);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  check();
}
