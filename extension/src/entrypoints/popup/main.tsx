// Every style the popup uses is linked by its page, so the first paint is styled before any other code loads.
import '../../ui/pages.css';
import '../../ui/popup/followups.css';
import '../../ui/popup/rejected-list.css';
import { endPrepaint, prepaint } from '../../ui/popup/prepaint';

/** Past this, the full popup shows even if its list has not come (it then says why). */
const PREPAINT_MAX_MS = 3_000;

const root = document.getElementById('root')!;
void prepaint(root)
  .catch(() => undefined)
  .then(() => import('./mount'))
  .then(({ mountPopup }) => {
    mountPopup(root);
    setTimeout(endPrepaint, PREPAINT_MAX_MS);
  });
