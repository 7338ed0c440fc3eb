// `npm start`: serves the sample CRM page on the simulator and prints its URL.
// On a fresh clone it installs the dependencies first, so this one command is enough.
import { ensureInstalled } from './ensure-installed.mjs';

ensureInstalled();

const { startSamplePage } = await import('./sample-server.mjs');
const { address } = await startSamplePage({ port: Number(process.env.PORT ?? 8000), hostname: process.env.HOST ?? 'localhost' });
console.log(
  `\n  cc-elements sample CRM page (simulator backend): ${address}\n` +
    '  On Webex with no account (the real SDK, a local Webex cloud, the server companion): npm run start:webex-local\n' +
    '  Press Ctrl+C to stop.\n',
);
