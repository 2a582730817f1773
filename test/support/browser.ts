// Browser tests: Debian's chromium (.ci/run installs it and sets AMANAT_REQUIRE_CHROMIUM=1, so in CI a missing
// browser fails instead of skipping), and the real server started as `npm start` does (it serves the pages of
// web/dist, which test/global-setup.ts builds when stale, with their CSP nonce).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Amanat } from '../../src/app/amanat.js';
import { type RunningServer, startServer } from '../../src/server.js';

export const CHROMIUM = process.env.AMANAT_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable && process.env.AMANAT_REQUIRE_CHROMIUM === '1') {
  throw new Error(`chromium is required at ${CHROMIUM} (apt-get install chromium)`);
}
if (!chromiumAvailable) {
  console.warn(
    `chromium not found at ${CHROMIUM}: browser tests are skipped (apt-get install chromium to run them)`,
  );
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'web', 'dist');

/** The server on a free port of 127.0.0.1, web app from web/dist, sign-in limits out of the way. */
export function startWebServer(amanat: Amanat): Promise<RunningServer> {
  return startServer(amanat, {
    port: 0,
    host: '127.0.0.1',
    bodyLimitBytes: 1 << 20,
    logRequests: false,
    signInLimit: { burst: 1000, perMinute: 1000 },
    webDir: dist,
  });
}
