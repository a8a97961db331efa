// Quick fix of `otel/metric-name` (spec §3 naming, §9): rename the metric to
// the convention the diagnostic suggests. The string literal that holds the
// name's last part is rewritten where it is: in the call's argument, or in the
// `const` the argument names (so every use of the constant follows). Offered
// only when the new name clears every naming rule for every definition it
// renames and no other metric of the workspace has it.
import type { ConstFact, MetricFact, StringPart } from '../facts/types';
import { conventionalName, namingProblems, resolveParts } from '../model/metrics';
import type { EngineDiagnostic } from '../rules/finding';
import { baseName, dirOf } from '../workspace/walk';
import { offsetAt, positionAt } from './apply';
import { sameRange, textIn, tokens, type Token } from './codeText';
import { ownerPackage } from './missingFile';
import { goFilesWithFacts, type GoFile } from './packageContext';
import type { FixWorkspace, PlannedFix } from './plan';

type StringToken = Extract<Token, { kind: 'string' }>;

/** Where the last literal of a metric name is written, and what the parts before it resolve to. */
interface NameSite {
  file: string;
  /** Offsets of the literal in the file's text. */
  start: number;
  end: number;
  raw: string;
  prefix: string;
  /** The constant holding the literal; absent when it is the call's own argument. */
  ownerConst?: string;
}

interface Folder {
  dir: string;
  files: GoFile[];
  consts: Map<string, StringPart[] | undefined>;
}

function folderOf(ws: FixWorkspace, dir: string): Folder {
  const files = goFilesWithFacts(ws, dir);
  const consts = new Map<string, StringPart[] | undefined>();
  for (const { facts } of files) for (const c of facts.consts) consts.set(c.name, c.parts);
  return { dir, files, consts };
}

function unquote(raw: string): string | undefined {
  if (raw.startsWith('`')) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return undefined;
  }
}

/** The string tokens of `toks` when they spell exactly `parts` joined with `+`, else undefined. */
function matchParts(toks: Token[], parts: StringPart[]): (StringToken | undefined)[] | undefined {
  if (toks.length !== parts.length * 2 - 1) return undefined;
  const matched: (StringToken | undefined)[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i] as Token;
    if (i % 2 === 1) {
      if (tok.kind !== 'other' || tok.text !== '+') return undefined;
      continue;
    }
    const part = parts[i / 2] as StringPart;
    if ('literal' in part) {
      if (tok.kind !== 'string' || unquote(tok.raw) !== part.literal) return undefined;
      matched.push(tok);
    } else {
      if (tok.kind !== 'ident' || tok.name !== part.ident) return undefined;
      matched.push(undefined);
    }
  }
  return matched;
}

/** The value tokens of a constant (text after its name up to the end of the expression), offsets absolute. */
function constValueTokens(text: string, fact: ConstFact): Token[] | undefined {
  const from = offsetAt(text, fact.range.end);
  let to = text.indexOf('\n', from);
  for (;;) {
    if (to === -1) to = text.length;
    const toks = tokens(text.slice(from, to));
    const last = toks.at(-1);
    if (last?.kind === 'other' && last.text === '+' && to < text.length) {
      to = text.indexOf('\n', to + 1);
      continue;
    }
    const eq = toks.findIndex((t) => t.kind === 'other' && t.text === '=');
    // Before `=` only an optional type name: `A, B = …` and iota repetitions are left alone.
    if (eq === -1 || eq > 1 || (eq === 1 && toks[0]?.kind !== 'ident')) return undefined;
    return toks.slice(eq + 1).map((t) => ({ ...t, start: t.start + from, end: t.end + from }));
  }
}

function findConst(ws: FixWorkspace, folder: Folder, name: string): { file: string; fact: ConstFact; text: string } | undefined {
  const found = folder.files.flatMap(({ file, facts }) => facts.consts.filter((c) => c.name === name).map((fact) => ({ file, fact })));
  const only = found.length === 1 ? found[0] : undefined;
  const text = only ? ws.textOf(only.file) : undefined;
  return only && text !== undefined ? { ...only, text } : undefined;
}

function nameSite(ws: FixWorkspace, file: string, metric: MetricFact, folder: Folder): NameSite | undefined {
  let parts: StringPart[] = 'literal' in metric.name ? [{ literal: metric.name.literal }] : 'parts' in metric.name ? metric.name.parts : [];
  if (parts.length === 0) return undefined;
  let text = ws.textOf(file);
  if (text === undefined) return undefined;
  const base = offsetAt(text, metric.nameRange.start);
  let toks = tokens(textIn(text, metric.nameRange)).map((t) => ({ ...t, start: t.start + base, end: t.end + base }));
  let siteFile = file;
  let ownerConst: string | undefined;
  for (let depth = 0; depth < 8; depth++) {
    const matched = matchParts(toks, parts);
    if (!matched) return undefined;
    const last = parts.at(-1) as StringPart;
    if ('literal' in last) {
      const literal = matched.at(-1);
      const prefix = resolveParts(parts.slice(0, -1), folder.consts);
      if (!literal || prefix === undefined) return undefined;
      return { file: siteFile, start: literal.start, end: literal.end, raw: literal.raw, prefix, ...(ownerConst !== undefined ? { ownerConst } : {}) };
    }
    // Only a name that is the constant alone is followed: `prefix + X` would rename X for every user.
    if (parts.length !== 1) return undefined;
    const owner = findConst(ws, folder, last.ident);
    if (!owner?.fact.parts) return undefined;
    const valueToks = constValueTokens(owner.text, owner.fact);
    if (!valueToks) return undefined;
    parts = owner.fact.parts;
    toks = valueToks;
    text = owner.text;
    siteFile = owner.file;
    ownerConst = last.ident;
  }
  return undefined;
}

function referencesConst(parts: StringPart[], name: string, consts: Map<string, StringPart[] | undefined>, depth = 0): boolean {
  if (depth > 16) return false;
  return parts.some((p) => 'ident' in p && (p.ident === name || referencesConst(consts.get(p.ident) ?? [], name, consts, depth + 1)));
}

interface Renamed {
  file: string;
  fact: MetricFact;
}

/** The definitions a change at `site` renames: every metric of the folder built on its constant, or the one metric. */
function renamedDefinitions(site: NameSite, folder: Folder, file: string, metric: MetricFact): Renamed[] {
  if (site.ownerConst === undefined) return [{ file, fact: metric }];
  const owner = site.ownerConst;
  return folder.files
    .filter(({ file: f, facts }) => !f.endsWith('_test.go') && !facts.generated)
    .flatMap(({ file: f, facts }) => facts.metrics.filter((m) => 'parts' in m.name && referencesConst(m.name.parts, owner, folder.consts)).map((fact) => ({ file: f, fact })));
}

function resolvedName(fact: MetricFact, consts: Map<string, StringPart[] | undefined>): string | undefined {
  if ('literal' in fact.name) return fact.name.literal;
  return 'parts' in fact.name ? resolveParts(fact.name.parts, consts) : undefined;
}

/** The first segment the package's metric names share, as the naming rules judge it (the package's own name wins a tie). */
function expectedFirstSegment(names: string[], packageName: string): string | undefined {
  const counts = new Map<string, number>();
  for (const name of names.filter((n) => n.includes('.'))) {
    const first = name.split('.')[0] ?? name;
    counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  const own = baseName(packageName).toLowerCase();
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || Number(b[0] === own) - Number(a[0] === own))[0]?.[0];
}

export function metricRenamePlans(d: EngineDiagnostic, ws: FixWorkspace): PlannedFix[] {
  if (d.rule !== 'otel/metric-name') return [];
  const metric = ws.factsOf(d.file)?.metrics.find((m) => sameRange(m.nameRange, d.range));
  const pkg = ownerPackage(d.file, ws.packages);
  if (!metric || !pkg) return [];
  const folder = folderOf(ws, dirOf(d.file));
  const current = resolvedName(metric, folder.consts);
  if (current === undefined) return [];
  const definitions = pkg.observability.metricsIntegration.metricDefinitions.filter((m) => !m.dynamic);
  const fallback = baseName(pkg.packageName).toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const first = expectedFirstSegment(definitions.map((m) => m.name), pkg.packageName);
  const newName = conventionalName(current, first ?? fallback, metric.unit !== undefined);
  if (newName === current) return [];

  const site = nameSite(ws, d.file, metric, folder);
  if (!site || !newName.startsWith(site.prefix) || newName.length === site.prefix.length) return [];
  const renamed = renamedDefinitions(site, folder, d.file, metric);
  if (renamed.some((r) => resolvedName(r.fact, folder.consts) !== current)) return [];

  // The new name clears every naming rule for each renamed definition (the first segment is then `first`, or starts the package's names).
  const pattern = new RegExp(ws.settings.metrics.namePattern);
  const expectedAfter = first ?? newName.split('.')[0];
  if (renamed.some((r) => namingProblems({ fact: r.fact, file: r.file, name: newName }, pattern, expectedAfter).length > 0)) return [];
  const renamedLines = new Set(renamed.map((r) => `${r.file}:${r.fact.range.start.line + 1}`));
  const others = ws.packages.flatMap((p) => p.observability.metricsIntegration.metricDefinitions).filter((m) => !renamedLines.has(`${m.file}:${m.line}`));
  if (others.some((m) => !m.dynamic && m.name === newName)) return [];

  const text = ws.textOf(site.file);
  if (text === undefined) return [];
  const quote = site.raw.startsWith('`') ? '`' : '"';
  const suffix = newName.slice(site.prefix.length);
  const newText = quote === '`' ? `\`${suffix}\`` : JSON.stringify(suffix);
  const where = site.ownerConst !== undefined ? ` (constant ${site.ownerConst})` : '';
  return [
    {
      title: `Rename metric to "${newName}"${where}`,
      changes: [{ file: site.file, changes: [{ range: { start: positionAt(text, site.start), end: positionAt(text, site.end) }, newText }] }],
      creations: [],
      safe: true,
    },
  ];
}
