// `npm run start:xuc-local`: the sample CRM page on the XuC backend against the loopback XuC double the tests use
// (test/xuc-double/server.mjs), with no XiVO server. It starts the double on 127.0.0.1, makes one site in it
// (agents alice and bruno on lines 1001 and 1002, queues Support and Billing), serves the page, and prints the
// address that opens the page on that site and the username and password to sign in with. The page's "Local
// XiVO" controls make a call ring the agent's line through POST /xuc-local/command on this server.
import { ensureInstalled } from './ensure-installed.mjs';

ensureInstalled();

const { startXucDouble } = await import('../test/xuc-double/server.mjs');
const { banner, runWhenMain, serveLocalPage } = await import('./local-control.mjs');

/** Starts the double and the page; returns the page's address, the XuC base URL, the agent, and `close()`. */
export async function startXucLocal({ port = 8000, hostname = 'localhost' } = {}) {
  const xuc = await startXucDouble();
  const site = xuc.command({ action: 'site' });
  const agent = site.users[0];
  const run = (action, rest = {}) => xuc.command({ action, site: site.site, login: agent.login, ...rest });
  // What the page's panel may ask: a customer calls the Support queue, the agent answers on the desk phone, the
  // customer hangs up. Nothing else (no dropping the link or expiring tokens from a link).
  const actions = {
    offer: () => ({ taskId: run('offer', { queueId: 1, from: '0612345678' }).uniqueId }),
    answer: ({ taskId }) => run('answer-on-phone', { uniqueId: String(taskId) }),
    hangup: ({ taskId }) => run('customer-hangs-up', { uniqueId: String(taskId) }),
    state: () => {
      const { agent: now, calls } = run('state');
      return { agent: now, calls };
    },
  };
  const page = await serveLocalPage({ kind: 'xuc', port, hostname, actions, query: { server: site.baseUrl }, servers: [xuc] });
  return { ...page, server: site.baseUrl, agent: { username: agent.login, password: agent.password, line: agent.line } };
}

await runWhenMain(import.meta.url, startXucLocal, (local) =>
  banner(
    `cc-elements sample CRM page on the XuC backend, against a local XuC double (${local.server}):`,
    local.url,
    `Sign in as ${local.agent.username} with the password ${local.agent.password} (this double only), then log in`,
    `to the line ${local.agent.line} (Extension) and use "Local XiVO" in the page to make a call ring.`,
  ),
);
