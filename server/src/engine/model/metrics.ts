// Metrics (spec §3): definitions with resolved names, naming rules, conventions.
import type { MetricDefinition } from '../../../../common/schemas/entities';
import type { FileFacts, MetricFact, Range, StringPart } from '../facts/types';
import type { Finding } from '../rules/finding';
import { baseName, dirOf } from '../workspace/walk';
import { existsInPlace, packageFile, type PackageView } from './view';

export type ConstIndex = Map<string /* folder */, Map<string, StringPart[] | undefined>>;

export interface ResolvedMetric {
  fact: MetricFact;
  file: string;
  /** Resolved name, absent when dynamic. */
  name?: string;
}

export function buildConstIndex(files: Iterable<[string, FileFacts]>): ConstIndex {
  const index: ConstIndex = new Map();
  for (const [file, facts] of files) {
    const consts = index.get(dirOf(file)) ?? new Map<string, StringPart[] | undefined>();
    for (const c of facts.consts) consts.set(c.name, c.parts);
    index.set(dirOf(file), consts);
  }
  return index;
}

/** True when two versions of a file give the const index the same entries. */
export function sameConstEntries(a: FileFacts, b: FileFacts): boolean {
  if (a.consts.length !== b.consts.length) return false;
  return a.consts.every((c, index) => {
    const other = b.consts[index];
    return other !== undefined && other.name === c.name && JSON.stringify(other.parts) === JSON.stringify(c.parts);
  });
}

/** True when two versions of a file define the same metrics, positions included. */
export function sameMetricFacts(a: FileFacts, b: FileFacts): boolean {
  return a.metrics === b.metrics || JSON.stringify(a.metrics) === JSON.stringify(b.metrics);
}

/** Joins string parts, resolving identifiers to same-folder constants; undefined when any part is unknown. */
export function resolveParts(parts: StringPart[], consts: Map<string, StringPart[] | undefined> | undefined, depth = 0): string | undefined {
  if (depth > 16) return undefined;
  let value = '';
  for (const part of parts) {
    if ('literal' in part) {
      value += part.literal;
      continue;
    }
    const inner = consts?.get(part.ident);
    const resolved = inner ? resolveParts(inner, consts, depth + 1) : undefined;
    if (resolved === undefined) return undefined;
    value += resolved;
  }
  return value;
}

export function resolveMetricName(fact: MetricFact, file: string, consts: ConstIndex): string | undefined {
  if ('literal' in fact.name) return fact.name.literal;
  if ('parts' in fact.name) return resolveParts(fact.name.parts, consts.get(dirOf(file)));
  return undefined;
}

export function packageMetrics(view: PackageView, consts: ConstIndex): ResolvedMetric[] {
  return view.productionFiles.flatMap((file) =>
    (view.facts(file)?.metrics ?? []).map((fact) => ({ fact, file, name: resolveMetricName(fact, file, consts) })),
  );
}

export function toDefinition(metric: ResolvedMetric): MetricDefinition {
  const { fact } = metric;
  return {
    name: metric.name ?? 'dynamic',
    dynamic: metric.name === undefined,
    instrument: fact.instrument,
    type: fact.type,
    ...(fact.unit !== undefined ? { unit: fact.unit } : {}),
    ...(fact.description !== undefined ? { description: fact.description } : {}),
    file: metric.file,
    line: fact.range.start.line + 1,
  };
}

export function metricsStatus(view: PackageView, metrics: ResolvedMetric[]): 'COMPLETE' | 'PARTIAL' | 'MISSING' {
  const hasFile = existsInPlace(view, 'metrics.go');
  const defines = metrics.length > 0;
  return hasFile && defines ? 'COMPLETE' : hasFile || defines ? 'PARTIAL' : 'MISSING';
}

export function metricsFileOf(view: PackageView): string {
  return packageFile(view, 'metrics.go');
}

// ---- naming -----------------------------------------------------------------

const UCUM_ATOM = /^(?:[kMGTmunµ]?(?:s|By|bit|Hz|m|g)|Ki?By|Mi?By|Gi?By|Ti?By|min|h|d|1|%|\{[^{}]+\})$/;

export function isUcumUnit(unit: string): boolean {
  return unit.split('/').every((atom) => UCUM_ATOM.test(atom));
}

function firstSegment(name: string): string {
  return name.split('.')[0] ?? name;
}

/** The first segment most definitions share; the package's own name wins a tie. */
function expectedFirstSegment(names: string[], packageName: string): string | undefined {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(firstSegment(name), (counts.get(firstSegment(name)) ?? 0) + 1);
  const own = baseName(packageName).toLowerCase();
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || Number(b[0] === own) - Number(a[0] === own));
  return ranked[0]?.[0];
}

/** Problems with one metric's name; each is a sentence saying what to do. */
export function namingProblems(metric: ResolvedMetric, pattern: RegExp, expectedFirst: string | undefined): string[] {
  const name = metric.name;
  if (name === undefined) return [];
  const { fact } = metric;
  const problems: string[] = [];
  if (!pattern.test(name)) problems.push(`does not match the naming pattern ${pattern.source}`);
  if (expectedFirst !== undefined && name.includes('.') && firstSegment(name) !== expectedFirst) {
    problems.push(`starts with "${firstSegment(name)}" while the package's metrics start with "${expectedFirst}"`);
  }
  if ((fact.type === 'counter' || fact.type === 'updowncounter') && /[._]total$/.test(name)) {
    problems.push('is a counter whose name ends in "total" (the backend adds it)');
  }
  if (fact.unit !== undefined && /[._](seconds|ms|bytes)$/.test(name)) {
    problems.push(`repeats its unit in the name although metric.WithUnit("${fact.unit}") is set`);
  }
  if (fact.type === 'histogram' && /latency|duration/i.test(name) && fact.unit === undefined) {
    problems.push('is a latency/duration histogram without metric.WithUnit (use "s" or "ms")');
  }
  if (fact.unit !== undefined && !isUcumUnit(fact.unit)) {
    problems.push(`has unit "${fact.unit}", which is not UCUM (use s, ms, By, 1 or {request})`);
  }
  return problems;
}

/** A name that passes every rule, derived from the offending one: dot-separated lowercase, package-prefixed. */
export function conventionalName(name: string, expectedFirst: string, unitSet: boolean): string {
  let words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  if (words.at(-1) === 'total') words = words.slice(0, -1);
  if (unitSet && ['seconds', 'ms', 'bytes'].includes(words.at(-1) ?? '')) words = words.slice(0, -1);
  if (words[0] === expectedFirst) words = words.slice(1);
  if (words.length === 0) words = ['value'];
  return [expectedFirst, words.join('_')].join('.');
}

export function namingFindings(view: PackageView, metrics: ResolvedMetric[], namePattern: string): Finding[] {
  const pattern = new RegExp(namePattern);
  const named = metrics.flatMap((m) => (m.name !== undefined ? [m.name] : []));
  const expectedFirst = expectedFirstSegment(named.filter((n) => n.includes('.')), view.pkg.name);
  const fallbackFirst = baseName(view.pkg.name).toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return metrics.flatMap((metric) => {
    const problems = namingProblems(metric, pattern, expectedFirst);
    if (problems.length === 0 || metric.name === undefined) return [];
    const suggestion = conventionalName(metric.name, expectedFirst ?? fallbackFirst, metric.fact.unit !== undefined);
    return [
      {
        rule: 'otel/metric-name',
        file: metric.file,
        range: metric.fact.nameRange,
        message: `Metric "${metric.name}" ${problems.join('; ')}.`,
        fix: `Rename to "${suggestion}"`,
      },
    ];
  });
}

export function metricNamingConvention(names: string[]): 'dot.lowercase' | 'snake_case' | 'camelCase' | 'mixed' | 'none' {
  const kinds = new Set(names.map(classifyName));
  if (kinds.size === 0) return 'none';
  if (kinds.size > 1) return 'mixed';
  return [...kinds][0] ?? 'none';
}

function classifyName(name: string): 'dot.lowercase' | 'snake_case' | 'camelCase' | 'mixed' {
  if (/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(name)) return 'dot.lowercase';
  if (/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(name)) return 'snake_case';
  if (/^[A-Za-z][A-Za-z0-9]*$/.test(name)) return 'camelCase';
  return 'mixed';
}

// ---- workspace-wide conflicts -----------------------------------------------

export function conflictFindings(all: ResolvedMetric[]): Finding[] {
  const byName = new Map<string, ResolvedMetric[]>();
  for (const metric of all) {
    if (metric.name === undefined) continue;
    const defs = byName.get(metric.name);
    if (defs) defs.push(metric);
    else byName.set(metric.name, [metric]);
  }
  const findings: Finding[] = [];
  for (const [name, defs] of byName) {
    const types = new Set(defs.map((d) => d.fact.instrument));
    const units = new Set(defs.map((d) => d.fact.unit ?? ''));
    if (types.size < 2 && units.size < 2) continue;
    const what = types.size > 1 ? `instruments ${[...types].join(', ')}` : `units ${[...units].map((u) => u || '(none)').join(', ')}`;
    for (const def of defs) {
      findings.push({
        rule: 'otel/metric-conflict',
        file: def.file,
        range: def.fact.range as Range,
        message: `Metric "${name}" is defined ${defs.length} times with different ${what}; one name must have one instrument type and unit.`,
      });
    }
  }
  return findings;
}
