// The HTTP side of the gateway on plain node:http: GraphQL at /graphql through
// Apollo's integration API, plus a few small GET routes. No framework sits in the
// request path; body size is capped before anything is parsed.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { ErrorCode, httpStatusOf, type ErrorCode as Code } from '../errors';
import type { Logger } from '../logger';
import { runInSpan, type SpanHandle } from '../observability/spans';
import type { GatewayContext } from '../schema/context';
import type { CorsHandler } from './cors';
import { startOperationTrace } from './operationTrace';
import { requestIdOf, type RequestCredentials } from './requestContext';
import type { AnsweredRequest } from './requestObserver';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpServerOptions {
  apollo: ApolloServer<GatewayContext>;
  /** `body` is the request's, parsed: whatever the check of its credentials needs to know of the operation. */
  createContext: (credentials: RequestCredentials, body: unknown) => Promise<GatewayContext>;
  maxBodyBytes: number;
  log: Logger;
  /** Extra GET routes by path: health checks, metrics, the explorer. A path ending in "/" serves everything under it. */
  routes?: Record<string, RouteHandler>;
  /** POST routes by exact path (uploads): the handler reads the body itself, under limits of its own. */
  postRoutes?: Record<string, RouteHandler>;
  /** Answers a browser's GET /graphql (the explorer), when set. */
  browserPage?: RouteHandler;
  /** Told about every GraphQL request once its response is sent: for its log line and metrics. */
  onAnswered?: (request: AnsweredRequest) => void;
  /** CORS for /graphql, when other origins may call it. */
  cors?: CorsHandler;
}

class RequestError extends Error {
  constructor(
    readonly code: Code | 'BAD_REQUEST',
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Answers with `body` as JSON: the gateway's answers outside GraphQL (refusals, routes) look like this too. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A refusal's body, shaped as a GraphQL error so clients read every refusal alike. */
export const errorBody = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) return reject(new RequestError(ErrorCode.PAYLOAD_TOO_LARGE, `request body is over ${limit} bytes`, 413));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume(); // drain, so the connection can answer
        reject(new RequestError(ErrorCode.PAYLOAD_TOO_LARGE, `request body is over ${limit} bytes`, 413));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(req: IncomingMessage, text: string): unknown {
  if (!text) return undefined;
  if (!(req.headers['content-type'] ?? '').includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new RequestError('BAD_REQUEST', 'request body is not valid JSON', 400);
  }
}

function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The request's id: its X-Request-Id when that is a sane one, else a new one. */
export const requestIdOfRequest = (req: IncomingMessage) => requestIdOf(one(req.headers['x-request-id']));

/** What the request's headers say of its caller, with the tenant it names (X-Tenant for /graphql; a route may name it otherwise). */
export function requestCredentials(req: IncomingMessage, requestId: string, tenant: string | undefined): RequestCredentials {
  return {
    authorization: one(req.headers.authorization),
    apiKey: one(req.headers['x-api-key']),
    tenant,
    host: req.headers.host,
    requestId,
    userAgent: req.headers['user-agent'],
  };
}

export function createHttpServer(options: HttpServerOptions): http.Server {
  const { apollo, log } = options;
  const routes = options.routes ?? {};
  const prefixes = Object.keys(routes).filter((path) => path.endsWith('/'));
  const routeFor = (path: string) => routes[path] ?? routes[prefixes.find((prefix) => path.startsWith(prefix)) ?? ''];

  async function graphql(req: IncomingMessage, res: ServerResponse, search: string, trace: SpanHandle | undefined) {
    const started = process.hrtime.bigint();
    const requestId = requestIdOfRequest(req);
    const answered: AnsweredRequest = { transport: 'http', requestId, requestedTenant: one(req.headers['x-tenant']), seconds: 0, trace };
    res.once('close', () => {
      answered.status = res.statusCode;
      answered.seconds = Number(process.hrtime.bigint() - started) / 1e9;
      options.onAnswered?.(answered);
    });
    let body: unknown;
    try {
      body = req.method === 'POST' ? parseBody(req, await readBody(req, options.maxBodyBytes)) : undefined;
    } catch (error) {
      if (error instanceof RequestError) answered.refusedWith = error.code;
      throw error;
    }
    let context: GatewayContext;
    try {
      context = await options.createContext(requestCredentials(req, requestId, one(req.headers['x-tenant'])), body);
    } catch (error) {
      const code = (error as GraphQLError).extensions?.code as Code | undefined;
      if (!code) throw error;
      answered.refusedWith = code;
      return sendJson(res, httpStatusOf[code] ?? 400, errorBody(code, (error as Error).message), { 'x-request-id': requestId });
    }
    answered.context = context;
    try {
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers: headerMap(req), search, body },
        context: () => Promise.resolve(context),
      });
      // Answers depend on the caller and the tenant: no cache may keep them.
      const headers: Record<string, string> = { 'x-request-id': context.requestId, 'cache-control': 'no-store' };
      for (const [key, value] of result.headers) headers[key] = value;
      if (result.body.kind === 'complete') {
        headers['content-length'] = String(Buffer.byteLength(result.body.string));
        res.writeHead(result.status ?? 200, headers);
        res.end(result.body.string);
      } else {
        res.writeHead(result.status ?? 200, headers);
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } finally {
      context.release();
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const search = q === -1 ? '' : url.slice(q);
    if (path === '/graphql') {
      if (options.cors?.(req, res)) return;
      const wantsPage = req.method === 'GET' && !search && (req.headers.accept ?? '').includes('text/html');
      if (wantsPage && options.browserPage) return options.browserPage(req, res);
      const trace = startOperationTrace();
      return runInSpan(trace, () => graphql(req, res, search, trace));
    }
    const route = req.method === 'GET' || req.method === 'HEAD' ? routeFor(path) : req.method === 'POST' ? options.postRoutes?.[path] : undefined;
    if (route) return route(req, res);
    sendJson(res, 404, errorBody('NOT_FOUND', `nothing at ${path}: GraphQL is served at /graphql`));
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof RequestError) {
        return sendJson(res, error.status, errorBody(error.code, error.message), error.status === 413 ? { connection: 'close' } : {});
      }
      log.error({ err: error, url: req.url }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, errorBody(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error'));
      else res.destroy();
    });
  });
}
