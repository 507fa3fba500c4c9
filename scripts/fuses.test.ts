import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { fuseConfigFor, fuseProfileFrom, fuseSettingsFor } from '../build/fuses.cjs';

describe('fuse profiles', () => {
  it('defaults to release and rejects unknown names', () => {
    expect(fuseProfileFrom({})).toBe('release');
    expect(fuseProfileFrom({ CLIQNSHIP_FUSES_PROFILE: 'test' })).toBe('test');
    expect(() => fuseProfileFrom({ CLIQNSHIP_FUSES_PROFILE: 'dev' })).toThrow(/Unknown/);
  });

  it('release closes every Node escape hatch and pins the app to an intact asar', () => {
    expect(fuseSettingsFor('release')).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
    });
  });

  it('test differs from release only in keeping --inspect for Playwright', () => {
    const release = fuseSettingsFor('release');
    const test = fuseSettingsFor('test');
    const differing = Object.keys(release).filter(
      (name) => release[name as keyof typeof release] !== test[name as keyof typeof test],
    );
    expect(differing).toEqual(['EnableNodeCliInspectArguments']);
    expect(test.EnableNodeCliInspectArguments).toBe(true);
  });

  it('maps names onto the real @electron/fuses options', () => {
    const config = fuseConfigFor(
      'release',
      { platform: 'linux', arch: 'x64' },
      FuseV1Options,
      FuseVersion.V1,
    );
    expect(config).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
    expect(
      fuseConfigFor('release', { platform: 'darwin', arch: 'arm64' }, FuseV1Options, FuseVersion.V1)
        .resetAdHocDarwinSignature,
    ).toBe(true);
    expect(() => fuseConfigFor('release', { platform: 'linux', arch: 'x64' }, {}, 1)).toThrow(
      /no fuse named/,
    );
  });
});

describe('build/after-pack.cjs', () => {
  it('hands the profile chosen by env to electron-builder, per platform and arch', async () => {
    const { default: afterPack } = await import('../build/after-pack.cjs');
    const { Arch } = await import('electron-builder');
    const seen: Record<string | number, unknown>[] = [];
    const context = {
      electronPlatformName: 'darwin',
      arch: Arch.arm64,
      packager: {
        addElectronFuses: async (_context: unknown, config: Record<string | number, unknown>) =>
          void seen.push(config),
      },
    };
    const previous = process.env.CLIQNSHIP_FUSES_PROFILE;
    try {
      process.env.CLIQNSHIP_FUSES_PROFILE = 'test';
      await afterPack(context);
      delete process.env.CLIQNSHIP_FUSES_PROFILE;
      await afterPack({ ...context, electronPlatformName: 'win32', arch: Arch.x64 });
    } finally {
      if (previous === undefined) delete process.env.CLIQNSHIP_FUSES_PROFILE;
      else process.env.CLIQNSHIP_FUSES_PROFILE = previous;
    }
    expect(seen[0]).toMatchObject({
      resetAdHocDarwinSignature: true,
      [FuseV1Options.EnableNodeCliInspectArguments]: true,
    });
    expect(seen[1]).toMatchObject({
      resetAdHocDarwinSignature: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.RunAsNode]: false,
    });
  });
});
