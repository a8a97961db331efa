// The benchmark's results: their shape, the targets of issue 6, and the
// Markdown table printed and written into the README.

export interface Timing {
  medianMs: number;
  p95Ms: number;
}

export interface WorkloadResult {
  label: string;
  copies: number;
  /** Runs whose median is reported. */
  runs: number;
  files: number;
  megabytes: number;
  bareParseMs: number;
  /** `--no-cache`. */
  coldMs: number;
  /** Empty cache: parses everything and writes the cache. */
  firstMs: number;
  warmMs: number;
  peakRssMB: number;
  lsp?: (Timing & { indexMs: number }) | { error: string };
  engineEdit?: Timing;
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

/** Extension activation with a stand-in vscode module (bench/activation.ts): loading dist/client.js, then activate(). */
export interface ActivationTiming {
  runs: number;
  medianMs: number;
  loadMs: number;
  activateMs: number;
}

export interface BenchResults {
  generatedAt: string;
  command: string;
  machine: { cpus: number; model: string; node: string; loadAverage: number[] };
  workloads: WorkloadResult[];
  activation?: ActivationTiming | { error: string };
  targets: TargetCheck[];
}

const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);
const ratio = (a: number, b: number) => (a / b).toFixed(2);

export function checkTargets(workloads: WorkloadResult[], activation?: BenchResults['activation']): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const w of workloads) {
    const at = `${w.files.toLocaleString('en-US')} files`;
    checks.push({ target: `cold ≤ 0.7 × bare parse (${at})`, measured: `${ratio(w.coldMs, w.bareParseMs)} ×`, met: w.coldMs <= 0.7 * w.bareParseMs });
    checks.push({ target: `warm ≤ 0.15 × cold (${at})`, measured: `${ratio(w.warmMs, w.coldMs)} ×`, met: w.warmMs <= 0.15 * w.coldMs });
    if (w.lsp && 'p95Ms' in w.lsp) {
      checks.push({ target: `edit → diagnostics p95 ≤ 25 ms (${at})`, measured: ms(w.lsp.p95Ms), met: w.lsp.p95Ms <= 25 });
    }
    if (w.files >= 20_000) checks.push({ target: `peak RSS ≤ 1 GB (${at})`, measured: `${Math.round(w.peakRssMB)} MB`, met: w.peakRssMB <= 1024 });
  }
  if (activation && 'medianMs' in activation) {
    checks.push({ target: 'extension activation ≤ 150 ms', measured: ms(activation.medianMs), met: activation.medianMs <= 150 });
  }
  return checks;
}

function activationLine(activation: BenchResults['activation']): string[] {
  if (!activation) return [];
  if ('error' in activation) return [`Extension activation: not measured (${activation.error}).`, ''];
  return [
    `Extension activation: ${ms(activation.medianMs)} (median of ${activation.runs}: loading dist/client.js ${ms(activation.loadMs)}, ` +
      `activate() ${activation.activateMs.toFixed(1)} ms), in a fresh Node process with a stand-in \`vscode\` module ` +
      '(bench/activation.ts); the language server starts after activate() returns and is not included.',
    '',
  ];
}

function lspCell(w: WorkloadResult): string {
  if (!w.lsp) return 'not run';
  if ('error' in w.lsp) return `not measured: ${w.lsp.error}`;
  return `${ms(w.lsp.medianMs)} / ${ms(w.lsp.p95Ms)}`;
}

export function renderMarkdown(results: BenchResults): string {
  const w = results.workloads;
  const row = (name: string, cell: (x: WorkloadResult) => string) => `| ${name} | ${w.map(cell).join(' | ')} |`;
  const lines = [
    `| | ${w.map((x) => x.label).join(' | ')} |`,
    `|---|${w.map(() => '---').join('|')}|`,
    row('Go files', (x) => `${x.files.toLocaleString('en-US')} (${x.megabytes.toFixed(1)} MB, ${x.copies} copies of examples/)`),
    row('Bare single-thread parse', (x) => ms(x.bareParseMs)),
    row('Cold audit (`--no-cache`)', (x) => `${ms(x.coldMs)} (${ratio(x.coldMs, x.bareParseMs)} × bare)`),
    row('First audit (empty cache, writes it)', (x) => `${ms(x.firstMs)} (${ratio(x.firstMs, x.bareParseMs)} × bare)`),
    row('Warm audit (cache present)', (x) => `${ms(x.warmMs)} (${ratio(x.warmMs, x.coldMs)} × cold)`),
    row('Peak RSS of an audit', (x) => `${Math.round(x.peakRssMB)} MB`),
    row('Edit → diagnostics, language server (median / p95)', lspCell),
    row('Engine update + analyze per edit (median / p95)', (x) => (x.engineEdit ? `${ms(x.engineEdit.medianMs)} / ${ms(x.engineEdit.p95Ms)}` : 'not run')),
    '',
    '| Target (issue 6) | Measured | Met |',
    '|---|---|---|',
    ...results.targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`),
    '',
    ...activationLine(results.activation),
    `Measured by \`${results.command}\` on ${results.generatedAt.slice(0, 10)}: ${results.machine.cpus} × ${results.machine.model}, ` +
      `Node ${results.machine.node}, load average ${results.machine.loadAverage.map((l) => l.toFixed(1)).join(' ')} at the start; ` +
      `medians of ${w.map((x) => `${x.runs} run${x.runs === 1 ? '' : 's'} (${x.label})`).join(', ')}. Audit times are taken inside the audit process (engine open to report written, Node start-up excluded).`,
  ];
  return `${lines.join('\n')}\n`;
}
