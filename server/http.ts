// Small helpers for `node:http` handlers: JSON answers, cookies, bodies, timed upstream calls.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A handler any `node:http` server (and Express, Fastify's `onRequest`/middie, Koa's `ctx.req/res`) can mount. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => void;

/** `fetch`'s signature, so tests and hosts can give their own (a proxy agent, a loopback stand-in). */
export type Fetch = typeof fetch;

/** Sends a JSON answer that no cache keeps (it may carry an access token). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Sends a short plain-text page (sign-in failures the agent sees in the browser). */
export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(302, { location, 'cache-control': 'no-store', ...headers });
  res.end();
}

/** The request's cookies (the first of each name). */
export function readCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    if (cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(part.slice(at + 1).trim()));
    } catch {
      // A malformed value is no cookie of ours.
    }
  }
  return cookies;
}

export interface CookieOptions {
  /** `Secure` (default true): the browser sends it over HTTPS only (and to http://localhost). */
  readonly secure?: boolean;
  /** `SameSite` (default `Lax`: sent on the top-level navigation back from the sign-in, never on cross-site requests). */
  readonly sameSite?: 'Lax' | 'Strict';
  /** `Path` (default `/`). */
  readonly path?: string;
  /** `Domain`, when the companion's routes and the page are on sibling hosts. */
  readonly domain?: string;
}

/** A `Set-Cookie` value, always `HttpOnly`. `maxAge` in seconds; 0 removes the cookie. */
export function serializeCookie(name: string, value: string, options: CookieOptions, maxAge?: number): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? '/'}`, 'HttpOnly', `SameSite=${options.sameSite ?? 'Lax'}`];
  if (options.secure !== false) parts.push('Secure');
  if (options.domain) parts.push(`Domain=${options.domain}`);
  if (maxAge !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(maxAge))}`);
  return parts.join('; ');
}

/** The request's path and query, whatever host it names. */
export function requestUrl(req: IncomingMessage): URL {
  return new URL(req.url ?? '/', 'http://companion.invalid');
}

/** Reads a small request body (JSON or form), refusing anything over `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = 16_384): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'too-large', 'The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An error with the HTTP answer it becomes: `{error, reason, message}` and nothing secret. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendError(res: ServerResponse, err: unknown): void {
  if (err instanceof HttpError) {
    sendJson(res, err.status, { error: err.reason, reason: err.reason, message: err.message, ...err.extra });
    return;
  }
  sendJson(res, 500, { error: 'internal', reason: 'internal', message: 'The server could not answer.' });
}

/** A `fetch` that gives up after `timeoutMs` (an `HttpError` 504 with reason `timeout`). */
export async function fetchWithTimeout(doFetch: Fetch, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await doFetch(url, { ...init, signal: controller.signal });
  } catch (err) {
    if (controller.signal.aborted) throw new HttpError(504, 'timeout', `The upstream service did not answer within ${timeoutMs} ms.`);
    throw new HttpError(502, 'unreachable', 'The upstream service could not be reached.', { cause: (err as Error)?.name });
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a JSON answer, or `undefined` when it is not JSON. */
export async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
