/** The route table: every path the real server answers (API §2, §4), with auth and throttle flags. */
import { expectsJson, unauthenticated } from './auth';
import {
  apiUser,
  listCustomersCrash,
  registerCustomer,
  showCustomer,
  updateCustomerRoute,
} from './customers';
import { serveFile } from './files';
import { handleTokenRequest } from './oauth';
import { phpIntCast } from './php';
import { type Handler, header, ServerCrash } from './request';
import { appError, HTML_TYPE, type HttpResult } from './responses';

/** One method of a route. */
export interface MethodSpec {
  handler: Handler;
  /** Runs the bearer middleware first. */
  auth?: boolean;
}

/** One path pattern and the methods it accepts. */
export interface RouteDef {
  url: string;
  /** In the `api` group: query merged into input, CORS, throttle. */
  api: boolean;
  throttle: boolean;
  methods: Partial<Record<string, MethodSpec>>;
}

/** Sub-resources outside this server's scope (API §6–§9): auth and ownership as the real server, then 500. */
const outOfScope: Handler = async (req) => {
  if (req.params.userId !== undefined && phpIntCast(req.params.userId) !== req.userId)
    return appError(401);
  req.ctx.log('routes', 'route not implemented by the stand-in server', { method: req.method });
  throw new ServerCrash('not implemented by this stand-in server');
};

const publicOutOfScope: Handler = async () => {
  throw new ServerCrash('not implemented by this stand-in server');
};

const sub = (url: string, withItem: boolean): RouteDef[] => {
  const collection: RouteDef = {
    url,
    api: true,
    throttle: true,
    methods: {
      GET: { handler: outOfScope, auth: true },
      POST: { handler: outOfScope, auth: true },
    },
  };
  if (!withItem) return [collection];
  const item: RouteDef = {
    url: `${url}/:itemId`,
    api: true,
    throttle: true,
    methods: { GET: { handler: outOfScope, auth: true }, PUT: { handler: outOfScope, auth: true } },
  };
  return [collection, item];
};

/** Passport's web-session routes: never authenticated here (no web session exists). */
const webSession: Handler = async (req) =>
  unauthenticated(
    expectsJson(req.headers.accept, header(req.headers['x-requested-with'])),
    req.baseUrl,
  );

const web = (url: string, methods: string[]): RouteDef => ({
  url,
  api: false,
  throttle: false,
  methods: Object.fromEntries(methods.map((m) => [m, { handler: webSession }])),
});

const loginPage: Handler = async (): Promise<HttpResult> => ({
  status: 200,
  headers: { 'content-type': HTML_TYPE },
  body: '<!DOCTYPE html><html><head><title>Login</title></head><body>Cliqnship login (web app only)</body></html>',
});

/** All routes, in registration order. */
export const ROUTES: readonly RouteDef[] = [
  {
    url: '/oauth/token',
    api: false,
    throttle: true,
    methods: {
      POST: { handler: (req) => handleTokenRequest(req.ctx, req.input, req.headers.authorization) },
    },
  },
  {
    url: '/api/v1/customers',
    api: true,
    throttle: true,
    methods: {
      GET: { handler: listCustomersCrash, auth: true },
      POST: { handler: registerCustomer },
    },
  },
  {
    url: '/api/v1/customers/:userId',
    api: true,
    throttle: true,
    methods: {
      GET: { handler: showCustomer, auth: true },
      PUT: { handler: updateCustomerRoute, auth: true },
    },
  },
  ...sub('/api/v1/customers/:userId/addressbooks', true),
  ...sub('/api/v1/customers/:userId/bookings', true),
  ...sub('/api/v1/customers/:userId/shipments', true),
  {
    url: '/api/v1/tracking/:trackingNumber',
    api: true,
    throttle: true,
    methods: { GET: { handler: publicOutOfScope } },
  },
  {
    url: '/api/user',
    api: true,
    throttle: true,
    methods: { GET: { handler: apiUser, auth: true } },
  },
  web('/oauth/authorize', ['GET', 'POST', 'DELETE']),
  web('/oauth/token/refresh', ['POST']),
  web('/oauth/tokens', ['GET']),
  web('/oauth/tokens/:id', ['DELETE']),
  web('/oauth/clients', ['GET', 'POST']),
  web('/oauth/clients/:id', ['PUT', 'DELETE']),
  web('/oauth/scopes', ['GET']),
  web('/oauth/personal-access-tokens', ['GET', 'POST']),
  web('/oauth/personal-access-tokens/:id', ['DELETE']),
  { url: '/login', api: false, throttle: false, methods: { GET: { handler: loginPage } } },
  {
    url: '/files/*',
    api: false,
    throttle: false,
    methods: { GET: { handler: (req) => serveFile(req.ctx, req.params['*'] ?? '') } },
  },
];

/** The `Allow` header of a 405: the route's methods, HEAD after GET. */
export function allowHeader(route: RouteDef): string {
  return Object.keys(route.methods)
    .flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m]))
    .join(', ');
}
