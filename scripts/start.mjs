// `npm start`: serves the sample CRM page on the simulator and prints its URL. The same server also runs what
// `npm run start:webex-local` runs (the loopback Webex cloud and the server companion mounted on the page's own
// server), so the one command shows the server-session sign-in and the companion's live statistics too, with no
// account. On a fresh clone it installs the dependencies first, so this one command is enough.
import { ensureInstalled } from './ensure-installed.mjs';

ensureInstalled();

const { startWebexLocal } = await import('./start-webex-local.mjs');
const { runWhenMain } = await import('./local-control.mjs');

/** The sample page on the simulator, with the local Webex cloud and the companion beside it. */
export async function startDemo(options) {
  const local = await startWebexLocal(options);
  return { ...local, simulator: new URL('/demo/', local.origin).href };
}

await runWhenMain(import.meta.url, startDemo, (demo) => [
  '',
  `  cc-elements sample CRM page (simulator backend): ${demo.simulator}`,
  '',
  '  The same page on the real Webex SDK against a local Webex cloud, with the server companion signing the agent',
  '  in ("Sign in with Webex", no account) and serving live queue and agent statistics:',
  `  ${demo.url}`,
  '',
  '  Press Ctrl+C to stop.',
  '',
]);
