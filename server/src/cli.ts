// gocomply CLI: the engine headless, for CI. See USAGE for flags and exit codes.
import { promises as fs, existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Report } from '../../common/schemas/report';
import { VERSION } from '../../common/version';
import { parseArgs, USAGE, UsageError, type CliArgs } from './cliArgs';
import { Engine } from './engine/engine';
import { renderMarkdown } from './engine/report/markdown';
import { renderSarif } from './engine/report/sarif';

export const EXIT_OK = 0;
export const EXIT_THRESHOLD = 1;
export const EXIT_USAGE = 2;

/** The fact cache, under the audited root (walks skip dot-folders, so it is never audited). */
export const CACHE_DIR = path.join('.cache', 'gocomply');

/** The bundled example workspace: `examples/` at the package root, found from the bundle or the sources. */
function defaultWorkspace(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'examples', 'go.mod'))) return path.join(dir, 'examples');
    if (path.dirname(dir) === dir) return path.resolve('examples');
  }
}

function render(report: Report, format: CliArgs['format']): string {
  if (format === 'markdown') return renderMarkdown(report);
  if (format === 'sarif') return `${JSON.stringify(renderSarif(report), null, 2)}\n`;
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function thresholdFailed(report: Report, failOn: CliArgs['failOn']): boolean {
  if (failOn === 'partial') return report.packages.some((p) => p.complianceStatus !== 'FULL');
  if (failOn === 'non-compliant') return report.packages.some((p) => p.complianceStatus === 'NON_COMPLIANT');
  return false;
}

function progress(done: number, total: number): void {
  if (done === total || done % 50 === 0) process.stderr.write(`\rgocomply: parsed ${done}/${total} Go files`);
  if (done === total) process.stderr.write('\n');
}

export async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`gocomply: ${error.message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (args.help || args.version) {
    process.stdout.write(`${args.help ? USAGE : VERSION}\n`);
    return EXIT_OK;
  }
  const root = path.resolve(args.path ?? defaultWorkspace());
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    process.stderr.write(`gocomply: ${root} is not a readable folder\n`);
    return EXIT_USAGE;
  }
  const engine = await Engine.open(root, {
    trusted: true,
    cacheDir: args.noCache ? null : path.join(root, CACHE_DIR),
    reuseAnalysis: true,
    ...(process.stderr.isTTY ? { onProgress: progress } : {}),
  });
  const report = engine.report();
  engine.dispose();
  const output = render(report, args.format);
  if (args.out) await fs.writeFile(args.out, output);
  else process.stdout.write(output);
  return thresholdFailed(report, args.failOn) ? EXIT_THRESHOLD : EXIT_OK;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`gocomply: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
