import { describe, expect, it } from 'vitest';
import { runtimeOverrides } from './runtime-overrides';

describe('runtimeOverrides', () => {
  it('reads an absolute userData folder and a keychain service name', () => {
    expect(
      runtimeOverrides({
        CLIQNSHIP_USER_DATA_DIR: '/tmp/cliqnship-e2e-1',
        CLIQNSHIP_KEYCHAIN_SERVICE: 'Cliqnship Desktop e2e 42',
      }),
    ).toEqual({ userDataDir: '/tmp/cliqnship-e2e-1', keychainService: 'Cliqnship Desktop e2e 42' });
  });

  it('ignores relative paths, blanks, control characters and oversized names', () => {
    expect(runtimeOverrides({})).toEqual({});
    expect(
      runtimeOverrides({
        CLIQNSHIP_USER_DATA_DIR: 'relative/dir',
        CLIQNSHIP_KEYCHAIN_SERVICE: '  ',
      }),
    ).toEqual({});
    expect(runtimeOverrides({ CLIQNSHIP_KEYCHAIN_SERVICE: 'a\nb' })).toEqual({});
    expect(runtimeOverrides({ CLIQNSHIP_KEYCHAIN_SERVICE: 'x'.repeat(101) })).toEqual({});
  });
});
