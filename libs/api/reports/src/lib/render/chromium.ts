import { existsSync } from 'node:fs';

/** Where Chromium is looked for when CHROMIUM_PATH is not set (Debian/Ubuntu packages, Google Chrome). */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError';
}

/** The configured executable, else the first installed candidate; a clear error when there is none. */
export function findChromium(
  configured: string | undefined,
  candidates: readonly string[] = CHROMIUM_CANDIDATES,
): string {
  if (configured) {
    if (!existsSync(configured))
      throw new ChromiumNotFoundError(`CHROMIUM_PATH is ${configured}, but no file exists there`);
    return configured;
  }
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new ChromiumNotFoundError(
      `No Chromium found (looked for ${candidates.join(', ')}). Install it (Debian/Ubuntu: apt-get install chromium fonts-wqy-microhei fonts-noto-cjk) or set CHROMIUM_PATH.`,
    );
  }
  return found;
}

/** Flags for a headless, sandbox-less (container, root) Chromium that never reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--mute-audio',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--font-render-hinting=none',
];
