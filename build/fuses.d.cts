/** Fuse profile names. */
export type FuseProfile = 'release' | 'test';
/** Fuse settings by FuseV1Options name. */
export type FuseSettings = Record<
  | 'RunAsNode'
  | 'EnableCookieEncryption'
  | 'EnableNodeOptionsEnvironmentVariable'
  | 'EnableNodeCliInspectArguments'
  | 'EnableEmbeddedAsarIntegrityValidation'
  | 'OnlyLoadAppFromAsar',
  boolean
>;
/** Reads CLIQNSHIP_FUSES_PROFILE ('release' when unset); an unknown name throws. */
export function fuseProfileFrom(env: Record<string, string | undefined>): FuseProfile;
/** The fuse settings for a profile. */
export function fuseSettingsFor(profile: FuseProfile): FuseSettings;
/** The @electron/fuses config for a profile and target. */
export function fuseConfigFor(
  profile: FuseProfile,
  target: { platform: string; arch: string },
  fuseV1Options: Record<string, unknown>,
  fuseVersionV1: unknown,
): Record<string | number, unknown>;
