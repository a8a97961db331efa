// Ending a code-server session, the same for the CI checks and the try-out:
// on failure a screenshot and the server logs, then the browser and the
// server stop, and the temp folder is removed unless kept for inspection.
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Profile, RunningCodeServer } from './codeServer';
import { serverLogs } from './logs';

export interface BrowserSession {
  temp: string;
  profile: Profile;
  server?: RunningCodeServer;
  browser?: Browser;
  page?: Page;
}

/** Closes the session; `failureScreenshot` is where the page goes when something failed. */
export async function closeBrowserSession(session: BrowserSession, failed: boolean, failureScreenshot: string): Promise<void> {
  if (failed && session.page !== undefined) {
    await session.page.screenshot({ path: failureScreenshot }).catch(() => undefined);
    console.log(`  failure screenshot: ${failureScreenshot}`);
    console.log(serverLogs(session.profile.userDataDir));
  }
  await session.browser?.close();
  await session.server?.stop();
  if (failed) console.log(`  kept for inspection: ${session.temp}`);
  else rmSync(session.temp, { recursive: true, force: true });
}
