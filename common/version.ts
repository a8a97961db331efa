import manifest from '../package.json';

/** The extension's version, also part of the fact-cache key. */
export const VERSION: string = manifest.version;
