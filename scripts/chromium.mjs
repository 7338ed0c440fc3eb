// Finds a Chromium for the tests, or installs Debian's when running as root on Debian.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
].filter(Boolean);

/** Flags Chromium needs here: root (no sandbox), headless, no network of its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
  // Test files run in parallel pages; a page in the background must not have its frames and timers throttled.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  // Nothing a test loads (the Webex SDK included) may reach past this machine: every host but loopback
  // resolves to nothing, inside the browser, before any DNS query.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  // A fake microphone (a beep) and camera, allowed without a prompt: <cc-preflight>'s microphone and device
  // checks run for real (a test that needs a refusal stubs getUserMedia in its page).
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

const find = () => CANDIDATES.find((p) => existsSync(p));

const isDebian = () => existsSync('/etc/debian_version') || /debian/i.test(readFileSync('/etc/os-release', 'utf8').toString());

export function chromiumPath() {
  const found = find();
  if (found) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  let debian = false;
  try {
    debian = isDebian();
  } catch {
    debian = false;
  }
  if (root && debian) {
    console.log('[cc-elements] No Chromium found: installing Debian\'s chromium (apt-get install -y chromium)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    const installed = find();
    if (installed) return installed;
  }
  console.error(
    '[cc-elements] The tests need Chromium or Chrome. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
      'or set CHROME_PATH to its executable.',
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(chromiumPath());
