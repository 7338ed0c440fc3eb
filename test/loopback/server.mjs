/**
 * What the test doubles that stand in for a backend on loopback (../webex-cloud, ../xuc-double, ../tccc-double) share: an HTTP
 * server with WebSocket upgrades on 127.0.0.1, on a port chosen when it starts, and the web-test-runner plugin
 * that starts it with the test server, stops it with it, and answers the tests' `executeServerCommand(name, …)`.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';

/**
 * A server on loopback. A subclass answers requests in `handle(req, res)`, upgrades in `upgrade(req, socket,
 * head)` (accepting them through `this.wss`), and scripts in `command(payload)`.
 */
export class LoopbackServer {
  constructor() {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
  }

  /** Starts listening on 127.0.0.1 on a free port; `port` and `origin` are set when it resolves. */
  async listen() {
    await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = this.server.address().port;
    this.origin = `http://127.0.0.1:${this.port}`;
    return this;
  }

  /** Stops the server and drops every open connection (a subclass terminates its sockets first). */
  async close() {
    this.wss.close();
    this.server.closeAllConnections?.();
    await new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * A loopback server of numbered sites, each a contact center of its own for one test, at `/site-N/…`. Its script
 * API: `{action: 'site', options}` makes a site (the subclass's `makeSite(n, options)`, described to the test by
 * its `siteInfo(site)`); `{action: 'close', site}` closes one; any other action goes to the named site
 * (`siteCommand(site, payload)`).
 */
export class SitesServer extends LoopbackServer {
  /** `name` names the double in its errors. */
  constructor(name) {
    super();
    this.name = name;
    this.sites = new Map();
    this.n = 0;
  }

  command(payload) {
    if (payload.action === 'site') {
      const site = this.makeSite(++this.n, payload.options ?? {});
      this.sites.set(site.id, site);
      return this.siteInfo(site);
    }
    const site = this.sites.get(payload.site);
    if (!site) throw new Error(`${this.name}: no site ${payload.site}`);
    if (payload.action === 'close') {
      site.close();
      this.sites.delete(site.id);
      return {};
    }
    return this.siteCommand(site, payload);
  }

  /** The site a request's URL names, with the path within it; null when it names none. */
  route(url) {
    const match = url.pathname.match(/^\/(site-\d+)(\/.*)$/);
    const site = match ? this.sites.get(match[1]) : undefined;
    return site ? { site, path: match[2] } : null;
  }

  /** Stops every site (its timers, such as a TCCC call's 120 s after-call work, and its sockets), then the server. */
  async close() {
    for (const site of this.sites.values()) site.close();
    this.sites.clear();
    await super.close();
  }
}

/**
 * A web-test-runner plugin named `name`: `start()` (resolving to a started server with `command(payload)` and
 * `close()`) runs with the test server, and the tests' `executeServerCommand(name, payload)` reaches `command`.
 */
export function loopbackPlugin(name, start) {
  let double = null;
  return {
    name,
    async serverStart() {
      double = await start();
    },
    async serverStop() {
      await double?.close();
      double = null;
    },
    executeCommand({ command, payload }) {
      if (command !== name) return undefined;
      if (!double) throw new Error(`${name}: the server is not running`);
      return double.command(payload);
    },
  };
}
