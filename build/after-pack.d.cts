/** electron-builder afterPack hook that flips the Electron fuses. */
declare function afterPack(context: {
  electronPlatformName: string;
  arch: number;
  packager: {
    addElectronFuses(context: unknown, config: Record<string | number, unknown>): Promise<unknown>;
  };
}): Promise<void>;
export default afterPack;
