// `npm run bench`: generates the workload(s), then measures on the same files,
// in one run: bare single-thread parse, cold / first / warm CLI audits (each
// in its own process), peak RSS, and edit-to-diagnostics latency through the
// real language server. Writes bench/results/latest.json, prints a Markdown
// table and puts it into README.md between the bench markers.
//   npm run bench                       ~1,200 files (35 copies of examples/)
//   npm run bench -- --copies 10        another size
//   npm run bench -- --large            also 24,000 files (slow: minutes)
//   npm run bench -- --runs 5 --edits 50 --source DIR --no-readme
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { measureActivation } from './activation';
import { auditOnce, REPO_ROOT, SERVER_BUNDLE, tsChild, type AuditRun } from './children';
import { generateWorkspace } from './generate';
import { measureEditLatency } from './lspEdits';
import { checkTargets, renderMarkdown, type BenchResults, type Timing, type WorkloadResult } from './results';

interface BenchOptions {
  copies: number;
  large: boolean;
  runs: number;
  edits: number;
  source: string;
  readme: boolean;
}

const LARGE_FILES = 24_000;
const BENCH_DIR = path.join(REPO_ROOT, '.cache', 'bench');
const CACHE_DIR = path.join('.cache', 'gocomply');
const EDITED_FILE = 'pkg/llms/llms.go';

function parseOptions(argv: string[]): BenchOptions {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  return {
    copies: Number(value('--copies') ?? '35'),
    large: argv.includes('--large'),
    runs: Number(value('--runs') ?? '3'),
    edits: Number(value('--edits') ?? '50'),
    source: path.resolve(value('--source') ?? path.join(REPO_ROOT, 'examples')),
    readme: !argv.includes('--no-readme'),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;

async function repeat<T>(runs: number, once: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let run = 0; run < runs; run += 1) results.push(await once());
  return results;
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function isBareParse(value: unknown): value is { files: number; bytes: number; ms: number } {
  return typeof value === 'object' && value !== null && 'ms' in value && typeof value.ms === 'number' && 'bytes' in value && typeof value.bytes === 'number';
}

function isTiming(value: unknown): value is Timing {
  return typeof value === 'object' && value !== null && 'medianMs' in value && typeof value.medianMs === 'number' && 'p95Ms' in value && typeof value.p95Ms === 'number';
}

async function bareParse(root: string, runs: number): Promise<{ ms: number; bytes: number }> {
  const results = await repeat(runs, () => tsChild('bareParse.ts', [root]));
  const valid = results.filter(isBareParse);
  return { ms: median(valid.map((r) => r.ms)), bytes: valid[0]?.bytes ?? 0 };
}

async function audits(root: string, options: BenchOptions): Promise<{ cold: AuditRun[]; first: AuditRun; warm: AuditRun[] }> {
  const out = path.join(BENCH_DIR, 'report.json');
  const cache = path.join(root, CACHE_DIR);
  log('cold audits (--no-cache)');
  const cold = await repeat(options.runs, () => auditOnce(root, out, ['--no-cache']));
  log('first audit (empty cache)');
  rmSync(cache, { recursive: true, force: true });
  const first = await auditOnce(root, out, []);
  log('warm audits');
  const warm = await repeat(options.runs, () => auditOnce(root, out, []));
  return { cold, first, warm };
}

async function editLatencies(root: string, options: BenchOptions): Promise<Pick<WorkloadResult, 'lsp' | 'engineEdit'>> {
  const file = path.join(root, EDITED_FILE);
  if (!existsSync(file)) return { lsp: { error: `${EDITED_FILE} is not in the workload` } };
  log('engine edits');
  const engine = await tsChild('engineEdits.ts', [root, EDITED_FILE, String(options.edits), path.join(root, CACHE_DIR)]);
  const engineEdit = isTiming(engine) ? engine : undefined;
  log('language-server edits');
  try {
    const lsp = await measureEditLatency(SERVER_BUNDLE, root, file, options.edits);
    return { lsp, ...(engineEdit ? { engineEdit } : {}) };
  } catch (error) {
    return { lsp: { error: error instanceof Error ? error.message : String(error) }, ...(engineEdit ? { engineEdit } : {}) };
  }
}

async function workload(copies: number, options: BenchOptions, withEdits: boolean): Promise<WorkloadResult> {
  const root = path.join(BENCH_DIR, `workspace-${copies}`);
  log(`generating ${copies} copies of ${options.source}`);
  const generated = generateWorkspace({ source: options.source, out: root, copies });
  const label = `${generated.goFiles.toLocaleString('en-US')} files`;
  const runs = generated.goFiles >= 10_000 ? 1 : options.runs;
  log(`${label}: ${generated.goFiles} Go files; bare parse`);
  const bare = await bareParse(root, runs);
  const { cold, first, warm } = await audits(root, { ...options, runs });
  return {
    label,
    copies,
    runs,
    files: generated.goFiles,
    megabytes: bare.bytes / 1e6,
    bareParseMs: bare.ms,
    coldMs: median(cold.map((r) => r.ms)),
    firstMs: first.ms,
    warmMs: median(warm.map((r) => r.ms)),
    peakRssMB: Math.max(...[...cold, first, ...warm].map((r) => r.maxRssMB)),
    ...(withEdits ? await editLatencies(root, options) : {}),
  };
}

function sourceGoFiles(source: string): number {
  return generateWorkspace({ source, out: path.join(BENCH_DIR, 'workspace-1'), copies: 1 }).goFiles;
}

function activationTiming(runs: number): BenchResults['activation'] {
  try {
    return measureActivation(runs);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const MARKERS = { start: '<!-- bench:start -->', end: '<!-- bench:end -->' };

function writeReadme(table: string): void {
  const readme = path.join(REPO_ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(MARKERS.start);
  const end = text.indexOf(MARKERS.end);
  if (start < 0 || end < start) return log('README.md has no bench markers: table not written there');
  writeFileSync(readme, `${text.slice(0, start + MARKERS.start.length)}\n${table}${text.slice(end)}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'cli.js'))) throw new Error('bench: dist/cli.js missing (npm run bench builds it)');
  mkdirSync(BENCH_DIR, { recursive: true });
  const loadAverage = os.loadavg();
  const workloads = [await workload(options.copies, options, true)];
  if (options.large) {
    const copies = Math.ceil(LARGE_FILES / sourceGoFiles(options.source));
    workloads.push(await workload(copies, options, false));
  }
  log('extension activation');
  const activation = activationTiming(Math.max(5, options.runs));
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    command: ['npm run bench', ...(argv.length > 0 ? ['--', ...argv] : [])].join(' '),
    machine: { cpus: os.availableParallelism(), model: os.cpus()[0]?.model.trim() ?? 'unknown CPU', node: process.version, loadAverage },
    workloads,
    activation,
    targets: checkTargets(workloads, activation),
  };
  mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  writeFileSync(path.join(__dirname, 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const table = renderMarkdown(results);
  process.stdout.write(table);
  if (options.readme) writeReadme(table);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
