/**
 * The page's first script, a few kilobytes: a board page opens its sync socket
 * here (earlyStart), then loads the app. The server sends the board while the
 * app's script (about 1.2 MB) still downloads, compiles and starts, instead of
 * after it has run.
 */
import './earlyStart';

import('./appStart').catch((error: unknown) => {
  // A failed download (a deploy replaced the assets, the network dropped): say so rather than stay blank.
  const root = document.getElementById('root');
  if (root) {
    root.textContent = 'Partnership Canvas could not load. Reload the page to try again.';
    root.setAttribute('role', 'alert');
  }
  throw error;
});
