'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS hook, loaded by electron-builder with require(). */
/**
 * electron-builder afterPack hook: flips the Electron fuses (build/fuses.cjs) after the app is
 * packed and its asar integrity computed, before signing. CLIQNSHIP_FUSES_PROFILE=test keeps
 * --inspect working for Playwright; the default is the release profile.
 */
const { Arch } = require('electron-builder');
const { fuseConfigFor, fuseProfileFrom } = require('./fuses.cjs');

exports.default = async function afterPack(context) {
  const { FuseV1Options, FuseVersion } = await import('@electron/fuses');
  const profile = fuseProfileFrom(process.env);
  const target = { platform: context.electronPlatformName, arch: Arch[context.arch] };
  const config = fuseConfigFor(profile, target, FuseV1Options, FuseVersion.V1);
  console.log(`[fuses] flipping the ${profile} profile for ${target.platform}-${target.arch}`);
  // electron-builder's helper finds the executable for each platform.
  await context.packager.addElectronFuses(context, config);
};
