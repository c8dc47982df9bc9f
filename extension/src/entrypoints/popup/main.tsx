/*
 * The full popup's module. Its styles and its first paint come from the page's first script
 * (entrypoints/popup-prepaint.ts); React and the rest of the code are fetched only once that paint's frame is
 * drawn (or there is none), so they do not compete with it for the CPU.
 */
const root = document.getElementById('root')!;
void (window.commsLogPrepaint ?? Promise.resolve())
  .then(() => import('./mount'))
  .then(({ mountPopup }) => mountPopup(root));
