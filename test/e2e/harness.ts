// A small runner for checks that must run in order against one live editor:
// each prints `ok`/`not ok`, a check after a failure is reported as skipped,
// and the closing line is `N passed, N failed, N skipped`.
export interface Outcome {
  passed: number;
  failed: number;
  skipped: number;
}

export class Checks {
  private readonly outcome: Outcome = { passed: 0, failed: 0, skipped: 0 };
  private broken = false;

  /** Runs `body` unless an earlier check failed (later checks build on earlier ones). */
  async check(name: string, body: () => Promise<void>): Promise<boolean> {
    if (this.broken) {
      this.outcome.skipped += 1;
      console.log(`skip - ${name}`);
      return false;
    }
    const started = Date.now();
    try {
      await body();
      this.outcome.passed += 1;
      console.log(`ok - ${name} (${Date.now() - started} ms)`);
      return true;
    } catch (error) {
      this.outcome.failed += 1;
      this.broken = true;
      // The message only: tsx's stack frames are data: URLs holding the whole module.
      console.log(`not ok - ${name}\n  ${(error instanceof Error ? error.message : String(error)).replace(/\n/g, '\n  ')}`);
      return false;
    }
  }

  get failedAny(): boolean {
    return this.outcome.failed > 0;
  }

  summary(): string {
    const { passed, failed, skipped } = this.outcome;
    return `${passed} passed, ${failed} failed, ${skipped} skipped`;
  }
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
