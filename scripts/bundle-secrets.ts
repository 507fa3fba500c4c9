import {
  DEFAULT_CLIENT_CREDENTIALS_CLIENT,
  DEFAULT_PASSWORD_CLIENT,
} from '../src/main/core/config';

/**
 * The client secrets that must never reach the preload or renderer bundles. out/main holds the
 * defaults legitimately (config lives in main), so only preload and renderer are scanned.
 */
export const CLIENT_SECRETS: Readonly<Record<string, string>> = {
  'password client secret': DEFAULT_PASSWORD_CLIENT.secret,
  'client-credentials client secret': DEFAULT_CLIENT_CREDENTIALS_CLIENT.secret,
};

/** Bundle folders (under out/) that run in or next to the page. */
export const PAGE_BUNDLES = ['preload', 'renderer'] as const;
