/**
 * What the test doubles that stand in for a backend on loopback (../webex-cloud, ../xuc-double) share: an HTTP
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
