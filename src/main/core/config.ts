import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fail, ok, type Result } from '../../shared/result';

/** One OAuth client's credentials (API §2.1). */
export interface OAuthClientConfig {
  id: string;
  secret: string;
}

/** Everything main needs to talk to a Cliqnship server. Holds secrets: main process only. */
export interface AppConfig {
  /** Base URL without trailing slash; null = use the embedded local server. */
  apiBaseUrl: string | null;
  passwordClient: OAuthClientConfig;
  clientCredentialsClient: OAuthClientConfig;
  requestTimeoutMs: number;
}

/** The documented password-grant client (API §2.1). */
export const DEFAULT_PASSWORD_CLIENT: OAuthClientConfig = {
  id: '2',
  secret: 'JtOZP3K753R4WEtrkUuNWT4kaEOZ7ydW0TbFtiai',
};
/** The documented client used for the client_credentials grant (API §2.1). */
export const DEFAULT_CLIENT_CREDENTIALS_CLIENT: OAuthClientConfig = {
  id: '1',
  secret: 'SsMphTu4WWN8Lv0QkIS41J5g0KdBLtYhUdNvzjv2',
};
/** Default per-request timeout. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
/** Name of the optional config file in the user data folder. */
export const CONFIG_FILE_NAME = 'cliqnship.config.json';

const MAX_TIMEOUT_MS = 600_000;

/** True for loopback hosts (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  const parts = host.split('.');
  return (
    parts.length === 4 &&
    parts[0] === '127' &&
    parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)
  );
}

/** Checks and normalises an API base URL: https unless loopback, no credentials/query/fragment. */
export function normalizeApiUrl(raw: string): Result<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail('bad_request', 'The API URL is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail('bad_request', 'The API URL must start with https://.');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return fail('bad_request', 'The API URL must use https:// (plain http only for loopback).');
  }
  if (url.username || url.password) {
    return fail('bad_request', 'The API URL must not contain credentials.');
  }
  if (url.search || url.hash || raw.includes('?') || raw.includes('#')) {
    return fail('bad_request', 'The API URL must not contain a query or fragment.');
  }
  // The server answers a trailing slash with a 301 (API §1.1): never keep one.
  return ok(`${url.origin}${url.pathname.replace(/\/+$/, '')}`);
}

const clientFileSchema = z.strictObject({ id: z.string().min(1), secret: z.string().min(1) });
const configFileSchema = z.strictObject({
  apiUrl: z.string().optional(),
  passwordClient: clientFileSchema.optional(),
  clientCredentialsClient: clientFileSchema.optional(),
  requestTimeoutMs: z.number().int().positive().max(MAX_TIMEOUT_MS).optional(),
});
type ConfigFile = z.infer<typeof configFileSchema>;

function readConfigFile(path: string | undefined): Result<ConfigFile> {
  if (!path) return ok({});
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok({});
    return fail('bad_request', `The config file ${CONFIG_FILE_NAME} cannot be read.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('bad_request', `The config file ${CONFIG_FILE_NAME} is not valid JSON.`);
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    return fail('bad_request', `The config file ${CONFIG_FILE_NAME} is invalid at: ${where}.`);
  }
  return ok(parsed.data);
}

const ARG_NAMES = {
  apiUrl: '--api-url',
  passwordId: '--password-client-id',
  passwordSecret: '--password-client-secret',
  ccId: '--client-credentials-id',
  ccSecret: '--client-credentials-secret',
} as const;
type ArgKey = keyof typeof ARG_NAMES;

function readArgs(argv: readonly string[]): Partial<Record<ArgKey, string>> {
  const out: Partial<Record<ArgKey, string>> = {};
  for (const [key, name] of Object.entries(ARG_NAMES) as [ArgKey, string][]) {
    for (let i = 0; i < argv.length; i += 1) {
      const arg = argv[i] ?? '';
      if (arg.startsWith(`${name}=`)) out[key] = arg.slice(name.length + 1);
      else if (arg === name && argv[i + 1] !== undefined) out[key] = argv[i + 1];
    }
  }
  return out;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Loads the configuration. Sources, highest first: argv, env, the JSON config file, defaults.
 * A bad value anywhere is a `bad_request` naming the problem (never the secret).
 */
export function loadConfig(sources: {
  env: Record<string, string | undefined>;
  argv: readonly string[];
  configFilePath?: string;
}): Result<AppConfig> {
  const file = readConfigFile(sources.configFilePath);
  if (!file.ok) return file;
  const args = readArgs(sources.argv);
  const env = sources.env;

  const pick = (...values: (string | undefined)[]) => values.map(nonEmpty).find(Boolean);
  const rawUrl = pick(args.apiUrl, env.CLIQNSHIP_API_URL, file.value.apiUrl);
  let apiBaseUrl: string | null = null;
  if (rawUrl !== undefined) {
    const url = normalizeApiUrl(rawUrl);
    if (!url.ok) return url;
    apiBaseUrl = url.value;
  }

  let requestTimeoutMs = file.value.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const envTimeout = nonEmpty(env.CLIQNSHIP_REQUEST_TIMEOUT_MS);
  if (envTimeout !== undefined) {
    const value = Number(envTimeout);
    if (!/^\d+$/.test(envTimeout) || value <= 0 || value > MAX_TIMEOUT_MS) {
      return fail('bad_request', `CLIQNSHIP_REQUEST_TIMEOUT_MS must be 1..${MAX_TIMEOUT_MS}.`);
    }
    requestTimeoutMs = value;
  }

  const passwordClient = {
    id: pick(args.passwordId, env.CLIQNSHIP_PASSWORD_CLIENT_ID, file.value.passwordClient?.id),
    secret: pick(
      args.passwordSecret,
      env.CLIQNSHIP_PASSWORD_CLIENT_SECRET,
      file.value.passwordClient?.secret,
    ),
  };
  const clientCredentialsClient = {
    id: pick(
      args.ccId,
      env.CLIQNSHIP_CLIENT_CREDENTIALS_ID,
      file.value.clientCredentialsClient?.id,
    ),
    secret: pick(
      args.ccSecret,
      env.CLIQNSHIP_CLIENT_CREDENTIALS_SECRET,
      file.value.clientCredentialsClient?.secret,
    ),
  };
  return ok({
    apiBaseUrl,
    passwordClient: {
      id: passwordClient.id ?? DEFAULT_PASSWORD_CLIENT.id,
      secret: passwordClient.secret ?? DEFAULT_PASSWORD_CLIENT.secret,
    },
    clientCredentialsClient: {
      id: clientCredentialsClient.id ?? DEFAULT_CLIENT_CREDENTIALS_CLIENT.id,
      secret: clientCredentialsClient.secret ?? DEFAULT_CLIENT_CREDENTIALS_CLIENT.secret,
    },
    requestTimeoutMs,
  });
}

/** Returns the config with the API base URL set (once the embedded server's URL is known). */
export function withApiBaseUrl(config: AppConfig, url: string): AppConfig & { apiBaseUrl: string } {
  const normalized = normalizeApiUrl(url);
  if (!normalized.ok) throw new Error(`Invalid API base URL: ${normalized.error.message}`);
  return { ...config, apiBaseUrl: normalized.value };
}
