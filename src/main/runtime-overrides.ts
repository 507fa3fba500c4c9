import { isAbsolute } from 'node:path';

/**
 * Test hooks read from the environment (the e2e Electron driver sets them so every run gets its
 * own profile folder and keychain entries): CLIQNSHIP_USER_DATA_DIR, CLIQNSHIP_KEYCHAIN_SERVICE.
 */
export interface RuntimeOverrides {
  /** Replaces Electron's userData folder (config file, preferences, embedded server data). */
  userDataDir?: string;
  /** Keychain service name instead of 'Cliqnship Desktop'. */
  keychainService?: string;
}

const MAX_SERVICE_LENGTH = 100;

/** Reads the overrides; relative paths and empty or oversized names are ignored. */
export function runtimeOverrides(env: Record<string, string | undefined>): RuntimeOverrides {
  const overrides: RuntimeOverrides = {};
  const dir = env.CLIQNSHIP_USER_DATA_DIR?.trim();
  if (dir && isAbsolute(dir)) overrides.userDataDir = dir;
  const service = env.CLIQNSHIP_KEYCHAIN_SERVICE?.trim();
  const printable = service !== undefined && [...service].every((char) => char >= ' ');
  if (service && printable && service.length <= MAX_SERVICE_LENGTH) {
    overrides.keychainService = service;
  }
  return overrides;
}
