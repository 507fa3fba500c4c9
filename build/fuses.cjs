'use strict';
/**
 * Which Electron fuses a packaged build flips (https://www.electronjs.org/docs/latest/tutorial/fuses).
 * Plain CommonJS with no dependencies so the afterPack hook and the unit test share it.
 */

/** The release profile: no Node escape hatches, only the integrity-checked app.asar loads. */
const RELEASE = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
});

/**
 * The test profile: as release, except that Playwright's _electron.launch attaches through
 * --inspect, so EnableNodeCliInspectArguments stays on. Never ship it.
 */
const TEST = Object.freeze({ ...RELEASE, EnableNodeCliInspectArguments: true });

const PROFILES = Object.freeze({ release: RELEASE, test: TEST });

/** Reads CLIQNSHIP_FUSES_PROFILE ('release' when unset); an unknown name throws (fail closed). */
function fuseProfileFrom(env) {
  const name = (env.CLIQNSHIP_FUSES_PROFILE || 'release').trim();
  if (!Object.prototype.hasOwnProperty.call(PROFILES, name)) {
    throw new Error(`Unknown CLIQNSHIP_FUSES_PROFILE "${name}" (expected release or test).`);
  }
  return name;
}

/** The fuse settings (by FuseV1Options name) for a profile. */
function fuseSettingsFor(profile) {
  const settings = PROFILES[profile];
  if (!settings) throw new Error(`Unknown fuse profile "${profile}".`);
  return { ...settings };
}

/**
 * The @electron/fuses config for a profile and target. arm64 macOS builds need their ad-hoc
 * signature reset after flipping, or they refuse to start when not signed afterwards.
 */
function fuseConfigFor(profile, target, fuseV1Options, fuseVersionV1) {
  const config = {
    version: fuseVersionV1,
    resetAdHocDarwinSignature: target.platform === 'darwin' && target.arch === 'arm64',
  };
  for (const [name, value] of Object.entries(fuseSettingsFor(profile))) {
    const key = fuseV1Options[name];
    if (typeof key !== 'number') throw new Error(`@electron/fuses has no fuse named ${name}.`);
    config[key] = value;
  }
  return config;
}

module.exports = { fuseProfileFrom, fuseSettingsFor, fuseConfigFor };
