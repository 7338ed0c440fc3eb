// Helpers of the server companion's Node tests: the companion's TypeScript sources compiled once with esbuild (fast,
// no full build on a fresh clone), a loopback stand-in of Webex's OAuth, agent and reporting endpoints, and a
// browser-like client that keeps cookies.
import { createServer } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';

/** `cc-elements/server`, compiled from server/index.ts (scripts/load-companion.mjs). */
export { loadCompanion } from '../../scripts/load-companion.mjs';

/** Starts a `node:http` server on 127.0.0.1 at a port chosen now; `close()` ends it and its connections. */
export async function listen(handler) {
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

const b64url = (buf) => buf.toString('base64url');
const readBody = async (req) => {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
};
const json = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const QUARTER = 15 * 60_000;
const DAY = 24 * 60 * 60_000;

/**
 * A stand-in of Webex: `/v1/authorize` (consents at once and redirects with a code), `/v1/access_token` (code with
 * PKCE, refresh with rotation: a used refresh token is dead), `/v1/agents/login|logout`, and the reporting APIs with
 * their window rules (`to − from` < 24 h, quarter hours; otherwise 400). Everything it saw is in `seen`.
 */
export async function startWebexStandIn({ clientId = 'client-1', clientSecret = 'secret-1', expiresIn = 43200, refreshExpiresIn = 5184000 } = {}) {
  const codes = new Map(); // code → {challenge, redirectUri}
  const access = new Set();
  const refresh = new Set();
  const seen = { tokenCalls: [], authorize: [], agent: [], reporting: [], issued: [] };
  const state = {
    expiresIn,
    refreshExpiresIn,
    /** Holds refresh answers until released (concurrency tests). */
    gate: null,
    /** Every bearer refused (401), refreshed or not. */
    rejectAll: false,
    /** Next reporting answers: 'hang' | 429 | 500, consumed one per call. */
    reportingFaults: [],
    queueRows: [],
    agentRows: [],
    tasks: [],
    captures: {},
  };
  const issue = () => {
    // Shaped like a Webex token (three parts joined by `_`, the last the org id): hex, so no `_` inside a part.
    const a = `at${randomBytes(12).toString('hex')}_PF84_org-1`;
    const r = `rt-${b64url(randomBytes(9))}`;
    access.add(a);
    refresh.add(r);
    seen.issued.push({ access: a, refresh: r });
    return { access_token: a, expires_in: state.expiresIn, refresh_token: r, refresh_token_expires_in: state.refreshExpiresIn, token_type: 'Bearer' };
  };
  const bearerOk = (req) => !state.rejectAll && access.has((req.headers.authorization ?? '').replace(/^Bearer /, ''));

  const stand = await listen(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/v1/authorize') {
      const p = url.searchParams;
      seen.authorize.push(Object.fromEntries(p));
      const code = `code-${b64url(randomBytes(6))}`;
      codes.set(code, { challenge: p.get('code_challenge'), method: p.get('code_challenge_method'), redirectUri: p.get('redirect_uri') });
      const back = new URL(p.get('redirect_uri'));
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state'));
      res.writeHead(302, { location: back.toString() });
      res.end();
      return;
    }
    if (url.pathname === '/v1/access_token' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const fields = Object.fromEntries(form);
      seen.tokenCalls.push(fields);
      if (fields.client_id !== clientId || fields.client_secret !== clientSecret) return json(res, 401, { error: 'invalid_client' });
      if (fields.grant_type === 'authorization_code') {
        const entry = codes.get(fields.code);
        codes.delete(fields.code);
        if (!entry || entry.redirectUri !== fields.redirect_uri) return json(res, 400, { error: 'invalid_grant' });
        const challenge = createHash('sha256').update(fields.code_verifier ?? '').digest('base64url');
        if (entry.method !== 'S256' || challenge !== entry.challenge) return json(res, 400, { error: 'invalid_grant' });
        return json(res, 200, issue());
      }
      if (fields.grant_type === 'refresh_token') {
        if (state.gate) await state.gate;
        if (!refresh.has(fields.refresh_token)) return json(res, 400, { error: 'invalid_grant' });
        refresh.delete(fields.refresh_token);
        return json(res, 200, issue());
      }
      return json(res, 400, { error: 'unsupported_grant_type' });
    }
    if (url.pathname === '/v1/agents/login' || url.pathname === '/v1/agents/logout') {
      const body = await readBody(req);
      seen.agent.push({ method: req.method, path: url.pathname, authorization: req.headers.authorization, body: body ? JSON.parse(body) : undefined });
      if (!bearerOk(req)) return json(res, 401, { error: { message: 'unauthorized' } });
      return json(res, 202, { data: { trackingId: 't-1' } });
    }
    if (['/v1/queues/statistics', '/v1/agents/statistics', '/v1/tasks', '/v1/captures/query'].includes(url.pathname)) {
      const body = req.method === 'POST' ? JSON.parse(await readBody(req)) : undefined;
      seen.reporting.push({ path: url.pathname, params: Object.fromEntries(url.searchParams), body });
      const fault = state.reportingFaults.shift();
      if (fault === 'hang') return; // never answers
      if (fault === 429) return json(res, 429, { error: 'too many' }, { 'retry-after': '30' });
      if (fault) return json(res, fault, { error: 'fault' });
      if (!bearerOk(req)) return json(res, 401, {});
      const from = Number(url.searchParams.get('from'));
      const to = Number(url.searchParams.get('to'));
      if (url.pathname.endsWith('/statistics')) {
        if (from % QUARTER || to % QUARTER || !(to > from) || to - from >= DAY) return json(res, 400, { error: 'bad window' });
        const rows = (url.pathname.startsWith('/v1/queues') ? state.queueRows : state.agentRows).filter(
          (r) => r.intervalStartTime >= from && r.intervalStartTime < to,
        );
        return json(res, 200, { meta: { orgId: 'org-1' }, data: rows });
      }
      if (url.pathname === '/v1/tasks') {
        if (Number(url.searchParams.get('pageSize')) > 1000) return json(res, 400, { error: 'pageSize' });
        return json(res, 200, { data: state.tasks.filter((t) => t.attributes.createdTime >= from && (!to || t.attributes.createdTime < to)) });
      }
      const ids = body?.query?.taskIds ?? [];
      if (ids.length > 10 || !(body?.query?.urlExpiration > 0 && body.query.urlExpiration <= 60)) return json(res, 400, { error: 'query' });
      return json(res, 200, { data: ids.map((taskId) => ({ taskId, recording: state.captures[taskId] ?? { status: 'Not Found', artifacts: [] } })) });
    }
    json(res, 404, { error: 'not found' });
  });
  return {
    ...stand,
    seen,
    state,
    /** Webex revokes a refresh token (say, the user withdrew the integration's access). */
    revokeAll() {
      refresh.clear();
    },
    /** Webex stops accepting an access token before its time (401 on the next call). */
    invalidateAccess(token) {
      access.delete(token);
    },
    /** Signs an access token in directly (a service account's token for reporting). */
    mint: issue,
  };
}

/** A browser that follows nothing by itself and keeps the cookies it is given (path-blind, enough here). */
export function browser() {
  const jar = new Map();
  const attrs = new Map();
  return {
    jar,
    attrs,
    async fetch(url, init = {}) {
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await fetch(url, { redirect: 'manual', ...init, headers: { ...(init.headers ?? {}), ...(cookie ? { cookie } : {}) } });
      for (const line of res.headers.getSetCookie()) {
        const [pair, ...rest] = line.split(';').map((s) => s.trim());
        const at = pair.indexOf('=');
        const name = pair.slice(0, at);
        const value = pair.slice(at + 1);
        attrs.set(name, rest);
        if (rest.some((a) => /^Max-Age=0$/i.test(a)) || value === '') jar.delete(name);
        else jar.set(name, value);
      }
      return res;
    },
  };
}
