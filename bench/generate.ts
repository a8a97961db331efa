// Workload generator: replicates a Go framework workspace (examples/ by
// default) N times under new package names, so the benchmark can audit a
// framework of any size. Copy 0 keeps the original names; copy k renames each
// top-level package P under a package root to P<k> (folder, package clause,
// import paths, and string literals that start with "P." such as metric
// names). Coverage and benchmark outputs at the root get lines for every copy.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GenerateOptions {
  source: string;
  out: string;
  copies: number;
}

export interface GeneratedWorkspace {
  root: string;
  goFiles: number;
  goBytes: number;
}

interface SourceLayout {
  modulePath: string | undefined;
  packageRoots: string[];
  /** `pkg/llms`-style folders, one per top-level package. */
  packages: { root: string; name: string }[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function readLayout(source: string): SourceLayout {
  const goMod = readIfExists(path.join(source, 'go.mod'));
  const modulePath = goMod?.match(/^module\s+(\S+)/m)?.[1];
  const config = parseJsonObject(readIfExists(path.join(source, '.gocomply.json')));
  const roots = Array.isArray(config?.['packageRoots']) ? config['packageRoots'].filter((r) => typeof r === 'string') : ['pkg'];
  const packages = roots.flatMap((root) => {
    const dir = path.join(source, root);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => ({ root, name: e.name }));
  });
  return { modulePath, packageRoots: roots, packages };
}

function readIfExists(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  const value: unknown = JSON.parse(text);
  return isRecord(value) ? value : undefined;
}

/** The text rewrites that turn copy 0 into copy k. */
function renamer(layout: SourceLayout, copy: number): (text: string, isGo: boolean) => string {
  if (copy === 0) return (text) => text;
  const rules = layout.packages.map(({ root, name }) => {
    const importPath = layout.modulePath === undefined ? undefined : `${layout.modulePath}/${root}/${name}`;
    return {
      imports: importPath === undefined ? undefined : new RegExp(`${escapeRegExp(importPath)}(?=[/"\\s]|$)`, 'gm'),
      newImport: `${importPath}${copy}`,
      clause: new RegExp(`^package ${escapeRegExp(name)}$`, 'm'),
      literal: new RegExp(`"${escapeRegExp(name)}\\.`, 'g'),
      name: `${name}${copy}`,
    };
  });
  return (text, isGo) => {
    let out = text;
    for (const rule of rules) {
      if (rule.imports) out = out.replace(rule.imports, rule.newImport);
      if (!isGo) continue;
      out = out.replace(rule.clause, `package ${rule.name}`).replace(rule.literal, `"${rule.name}.`);
    }
    return out;
  };
}

function listFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((entry) => {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === '.cache' ? [] : listFiles(dir, child);
    return entry.isFile() ? [child] : [];
  });
}

function packageOf(layout: SourceLayout, rel: string): { root: string; name: string } | undefined {
  return layout.packages.find((p) => rel.startsWith(`${p.root}/${p.name}/`));
}

/** Root-level text files naming package import paths (coverage profiles, benchmark output) get each copy's lines. */
function mentionsPackages(layout: SourceLayout, text: string): boolean {
  return layout.modulePath !== undefined && layout.packageRoots.some((root) => text.includes(`${layout.modulePath}/${root}/`));
}

function multiplyLines(text: string, layout: SourceLayout, copies: number): string {
  const lines = text.split('\n');
  const mentions = (line: string) => mentionsPackages(layout, line) || /^Benchmark/.test(line);
  const out = [...lines];
  for (let copy = 1; copy < copies; copy += 1) {
    const rename = renamer(layout, copy);
    out.push(...lines.filter(mentions).map((line) => rename(line, false)));
  }
  return out.join('\n');
}

function multiplyConfig(text: string, layout: SourceLayout, copies: number): string {
  const config = parseJsonObject(text);
  const providers = config?.['providers'];
  const highDemand = isRecord(providers) ? providers['highDemand'] : undefined;
  if (!config || !isRecord(providers) || !isRecord(highDemand)) return text;
  const copied: Record<string, unknown> = { ...highDemand };
  for (const [key, value] of Object.entries(highDemand)) {
    const [top, ...rest] = key.split('/');
    if (!layout.packages.some((p) => p.name === top)) continue;
    for (let copy = 1; copy < copies; copy += 1) copied[[`${top}${copy}`, ...rest].join('/')] = value;
  }
  return `${JSON.stringify({ ...config, providers: { ...providers, highDemand: copied } }, null, 2)}\n`;
}

function writeOut(out: string, rel: string, content: string | Buffer): void {
  const target = path.join(out, rel);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content);
}

export function generateWorkspace(options: GenerateOptions): GeneratedWorkspace {
  const source = path.resolve(options.source);
  const layout = readLayout(source);
  fs.rmSync(options.out, { recursive: true, force: true });
  const stats = { goFiles: 0, goBytes: 0 };
  const emit = (rel: string, content: string | Buffer) => {
    writeOut(options.out, rel, content);
    if (rel.endsWith('.go')) {
      stats.goFiles += 1;
      stats.goBytes += Buffer.byteLength(content);
    }
  };
  for (const rel of listFiles(source)) {
    const pkg = packageOf(layout, rel);
    const bytes = fs.readFileSync(path.join(source, rel));
    if (!pkg) {
      emit(rel, rootFile(rel, bytes, layout, options.copies));
      continue;
    }
    for (let copy = 0; copy < options.copies; copy += 1) {
      const target = copy === 0 ? rel : `${pkg.root}/${pkg.name}${copy}${rel.slice(pkg.root.length + pkg.name.length + 1)}`;
      emit(target, renamer(layout, copy)(bytes.toString('utf8'), rel.endsWith('.go')));
    }
  }
  return { root: options.out, ...stats };
}

function rootFile(rel: string, bytes: Buffer, layout: SourceLayout, copies: number): string | Buffer {
  if (rel.endsWith('.go') || rel === 'go.mod' || rel === 'go.work') return bytes;
  const text = bytes.toString('utf8');
  if (rel === '.gocomply.json') return multiplyConfig(text, layout, copies);
  return mentionsPackages(layout, text) ? multiplyLines(text, layout, copies) : bytes;
}

function argValue(argv: string[], flag: string): string | undefined {
  const index = argv.indexOf(flag);
  return index >= 0 ? argv[index + 1] : undefined;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const copies = Number(argValue(argv, '--copies') ?? '35');
  const source = argValue(argv, '--source') ?? path.join(__dirname, '..', 'examples');
  const out = path.resolve(argValue(argv, '--out') ?? path.join(__dirname, '..', '.cache', 'bench', `workspace-${copies}`));
  const result = generateWorkspace({ source, out, copies });
  process.stdout.write(`${result.goFiles} Go files (${(result.goBytes / 1e6).toFixed(2)} MB) in ${result.root}\n`);
}
