import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import pagesCss from '../ui/pages.css?inline';
import followupsCss from '../ui/popup/followups.css?inline';
import rejectedListCss from '../ui/popup/rejected-list.css?inline';
import { startPrepaint } from '../ui/popup/prepaint';

/*
 * The popup's first script (popup/index.html): a classic script, run while the page is still parsed, before the
 * full popup's module graph runs. It puts the popup's styles in the page as one <style> (the pages' CSP allows
 * inline styles), so no stylesheet is fetched before the first frame, and draws the stored first screen.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    const style = document.createElement('style');
    style.textContent = pagesCss + followupsCss + rejectedListCss;
    document.head.append(style);
    const root = document.getElementById('root');
    if (root) startPrepaint(root);
  },
});
