// Command-line arguments of `gocomply` (the CLI on the engine).

export type Format = 'json' | 'markdown' | 'sarif';
export type FailOn = 'partial' | 'non-compliant';

export interface CliArgs {
  path?: string;
  format: Format;
  out?: string;
  failOn?: FailOn;
  noCache: boolean;
  help: boolean;
  version: boolean;
}

export const USAGE = `Usage: gocomply [PATH] [options]
       npm run audit -- [PATH] [options]

Audits the Go workspace at PATH (default: the bundled example workspace) against
the framework standard and prints a report.

Options:
  --format json|markdown|sarif   report format (default: json)
  --out FILE                     write the report to FILE instead of stdout
  --fail-on partial|non-compliant
                                 exit 1 when a package is not FULL (partial) or
                                 when one is NON_COMPLIANT (non-compliant)
  --no-cache                     do not read or write the fact cache
  --version                      print the version
  -h, --help                     print this help

Exit codes: 0 ok, 1 --fail-on threshold failed, 2 usage error or unreadable workspace.`;

export class UsageError extends Error {}

const FORMATS: readonly Format[] = ['json', 'markdown', 'sarif'];
const FAIL_ON: readonly FailOn[] = ['partial', 'non-compliant'];

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new UsageError(`${flag} takes one of ${allowed.join(', ')}${value ? `, not "${value}"` : ''}`);
  return found;
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { format: 'json', noCache: false, help: false, version: false };
  const rest = [...argv];
  while (rest.length > 0) {
    const arg = rest.shift() ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? rest.shift();
    if (flag === '--format') args.format = oneOf(value(), FORMATS, '--format');
    else if (flag === '--fail-on') args.failOn = oneOf(value(), FAIL_ON, '--fail-on');
    else if (flag === '--out') args.out = value() ?? missing('--out');
    else if (flag === '--no-cache') args.noCache = true;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--version') args.version = true;
    else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else if (args.path === undefined) args.path = flag;
    else throw new UsageError(`only one PATH may be given (got "${args.path}" and "${flag}")`);
  }
  return args;
}

function missing(flag: string): never {
  throw new UsageError(`${flag} needs a value`);
}
