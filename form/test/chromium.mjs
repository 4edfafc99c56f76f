// Debian's Chromium, headless, in a fresh profile: how the form's browser tests and the release
// test (scripts/lib/release-form.mjs) start it. The caller gives playwright-core's `chromium`,
// so that this file imports no package and resolves from wherever it is imported.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Launches Chromium with `chromium` (playwright-core's): `{ context, close }`, where `close()`
 * closes it and removes its profile. `CHROMIUM` names another executable.
 */
export async function launchChromium(chromium, { prefix = "cen-chromium-", acceptDownloads = false } = {}) {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
    viewport: { width: 1280, height: 1000 },
    acceptDownloads,
  });
  async function close() {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return { context, close };
}
