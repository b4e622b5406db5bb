// electron-builder's afterPack hook: flips Electron's fuses in the packaged executable before
// any installer is made from it (https://www.electronjs.org/docs/latest/tutorial/fuses):
// no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS, no --inspect arguments, cookies encrypted at rest,
// the app loaded only from app.asar, and no extra privileges for file:// (the app uses app://).
import fuses from '@electron/fuses';
import { join } from 'node:path';

const { flipFuses, FuseVersion, FuseV1Options } = fuses;

export const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The file that holds the fuse wire in an app packed for `platform` in `appOutDir`. */
export function executableOf(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const executable = executableOf(context);
  // An arm64 macOS binary must be re-signed (ad hoc) after its bytes change.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === 3; // Arch.arm64
  await flipFuses(executable, { ...FUSES, resetAdHocDarwinSignature });
  console.log(`  • fuses flipped in ${executable}`);
}
