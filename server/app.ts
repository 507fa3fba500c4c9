/** The fastify application: parsing, routing (404/405), throttle, auth, CORS, dispatch. */
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { authenticate, expectsJson, unauthenticated } from './auth';
import { BodyTooLarge, POST_MAX_SIZE, readBody } from './body';
import type { ServerContext } from './context';
import { normalizeInput, parseFormString, type Input } from './input';
import { type ApiRequest, header, ServerCrash } from './request';
import { errorPage, redirect, textResult, type HttpResult } from './responses';
import { allowHeader, ROUTES, type RouteDef } from './routes';
import { Throttle } from './throttle';

/** Settings of the HTTP layer. */
export interface AppOptions {
  throttlePerMinute: number | false;
  onRequestServed: (method: string, path: string, status: number) => void;
}

const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'] as const;
/** PHP's default post_max_size (8M) and upload_max_filesize (2M). */
export const BODY_LIMIT = POST_MAX_SIZE;
const FILE_LIMIT = 2 * 1024 * 1024;

/** Builds (but does not start) the fastify app for a server context. */
export async function buildApp(ctx: ServerContext, options: AppOptions): Promise<FastifyInstance> {
  // PHP drops variables past max_input_vars with a warning; so do we (parseFormString, readBody).
  const inputVarsExceeded = (limit: number): void =>
    ctx.log('http', 'input variables exceeded; the rest were dropped', { limit });
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    exposeHeadRoutes: false,
    routerOptions: {
      querystringParser: (text: string) => parseFormString(text, inputVarsExceeded),
    },
  });
  app.removeAllContentTypeParsers();
  await app.register(formbody, {
    parser: (text: string) => parseFormString(text, inputVarsExceeded),
    bodyLimit: BODY_LIMIT,
  });
  // No field, part or per-field caps of our own: PHP has none; readBody enforces post_max_size
  // over the whole body and keeps the first max_input_vars fields.
  await app.register(multipart, {
    limits: {
      fileSize: FILE_LIMIT,
      files: 20,
      fields: Infinity,
      parts: Infinity,
      fieldSize: BODY_LIMIT,
    },
  });
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  const throttle =
    options.throttlePerMinute === false ? null : new Throttle(options.throttlePerMinute, ctx.now);
  for (const route of ROUTES) {
    app.route({
      method: [...ALL_METHODS],
      url: route.url,
      handler: async (req, reply) =>
        send(reply, await dispatch(ctx, route, req, throttle, inputVarsExceeded)),
    });
  }
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    // Apache rewrite: a trailing slash gets a 301 to the path without it.
    if (path.length > 1 && path.endsWith('/')) {
      const query = req.url.slice(path.length);
      return send(reply, redirect(301, `${baseUrl(req)}${path.replace(/\/+$/, '')}${query}`));
    }
    return send(reply, errorPage(404));
  });
  app.setErrorHandler(async (error, _req, reply) => {
    ctx.log('http', 'request failed before routing', {
      code: (error as { code?: string }).code ?? 'unknown',
    });
    return send(reply, errorPage(500));
  });
  app.addHook('onRequest', async (req) => {
    ctx.log('http', 'received', { method: req.method, path: req.url.split('?')[0] });
  });
  // Recorded just before sending, so a client that has its response always finds it in the log.
  app.addHook('onSend', async (req, reply, payload) => {
    const path = req.url.split('?')[0] ?? '/';
    options.onRequestServed(req.method, path, reply.statusCode);
    ctx.log('http', 'served', { method: req.method, path, status: reply.statusCode });
    return payload;
  });
  return app;
}

function send(reply: FastifyReply, result: HttpResult): FastifyReply {
  // A Buffer keeps fastify from appending its own charset to our content types.
  const body = typeof result.body === 'string' ? Buffer.from(result.body, 'utf8') : result.body;
  return reply.code(result.status).headers(result.headers).send(body);
}

/** `<scheme>://<host>` (X-Forwarded-Proto is trusted from anyone, like the real proxy config). */
function baseUrl(req: FastifyRequest): string {
  const proto = header(req.headers['x-forwarded-proto'])?.split(',')[0]?.trim();
  return `${proto === 'https' ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
}

function effectiveMethod(req: FastifyRequest, body: Input, query: Input): string {
  if (req.method !== 'POST') return req.method;
  const override = header(req.headers['x-http-method-override']) ?? body._method ?? query._method;
  return typeof override === 'string' && override !== '' ? override.toUpperCase() : 'POST';
}

async function dispatch(
  ctx: ServerContext,
  route: RouteDef,
  req: FastifyRequest,
  throttle: Throttle | null,
  onExceeded: (limit: number) => void,
): Promise<HttpResult> {
  const base = baseUrl(req);
  let parsed;
  try {
    parsed = await readBody(req, onExceeded);
  } catch (error) {
    // Like fastify's own over-size answer: the rest of the body is never read, so close.
    if (error instanceof BodyTooLarge) return withHeaders(errorPage(500), { connection: 'close' });
    if (error instanceof ServerCrash) return errorPage(500);
    throw error;
  }
  const query = (req.query ?? {}) as Input;
  const method = effectiveMethod(req, parsed.fields, query);
  const spec = route.methods[method === 'HEAD' ? 'GET' : method];
  const origin = header(req.headers.origin);
  if (spec === undefined) {
    if (
      method === 'OPTIONS' &&
      route.api &&
      origin !== undefined &&
      req.headers['access-control-request-method']
    ) {
      return preflight(req, origin);
    }
    return errorPage(405, { allow: allowHeader(route) });
  }
  let limitHeaders: Record<string, string> = {};
  if (route.throttle && throttle !== null) {
    const verdict = throttle.hit(`${method === 'HEAD' ? 'GET' : method}|${route.url}|${req.ip}`);
    if (!verdict.allowed) return textResult(429, 'Too Many Attempts.', verdict.headers);
    limitHeaders = verdict.headers;
  }
  const input = normalizeInput(route.api ? { ...query, ...parsed.fields } : parsed.fields);
  const apiReq: ApiRequest = {
    ctx,
    method,
    input,
    files: parsed.files,
    params: (req.params ?? {}) as Record<string, string>,
    headers: req.headers,
    baseUrl: base,
    userId: null,
  };
  if (spec.auth === true) {
    apiReq.userId = await authenticate(ctx, header(req.headers.authorization));
    if (apiReq.userId === null) {
      const wantsJson = expectsJson(
        header(req.headers.accept),
        header(req.headers['x-requested-with']),
      );
      return withHeaders(unauthenticated(wantsJson, base), limitHeaders);
    }
  }
  let result: HttpResult;
  try {
    result = await spec.handler(apiReq);
  } catch (error) {
    result = crashResult(ctx, route, error);
  }
  const cors: Record<string, string> =
    route.api && origin !== undefined
      ? { 'access-control-allow-origin': origin, vary: 'Origin' }
      : {};
  return withHeaders(result, { ...limitHeaders, ...cors });
}

/** A crash: the token endpoint answers with the bare message as text, everything else the 500 page. */
function crashResult(ctx: ServerContext, route: RouteDef, error: unknown): HttpResult {
  if (!(error instanceof ServerCrash)) {
    ctx.log('http', 'handler crashed', { error: error instanceof Error ? error.name : 'unknown' });
  }
  if (route.url !== '/oauth/token') return errorPage(500);
  return textResult(500, error instanceof ServerCrash ? error.message : 'Server Error');
}

function withHeaders(result: HttpResult, headers: Record<string, string>): HttpResult {
  return { ...result, headers: { ...result.headers, ...headers } };
}

function preflight(req: FastifyRequest, origin: string): HttpResult {
  return {
    status: 200,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': header(req.headers['access-control-request-method']) ?? '',
      'access-control-allow-headers': header(req.headers['access-control-request-headers']) ?? '',
      vary: 'Origin',
      'content-type': 'text/html; charset=UTF-8',
    },
    body: '',
  };
}
