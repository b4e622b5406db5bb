/** The version of this ClusterLab (package.json's), as hand-ins record it. */
import packageText from '../package.json?raw';

export const APP_VERSION: string = (() => {
  const version = (JSON.parse(packageText) as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
})();
