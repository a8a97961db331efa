// Which tracer a new span uses (spec §9: the package's own, where it has one).
// In order: a `trace.Tracer` field of the receiver type, a package-level tracer
// variable, a span-starter helper whose call shape is clear, a tracer getter
// function, else `otel.Tracer("<import path>")`. Spec §3 tells a span start by
// its tracer's last name containing "tracer", so a field or variable named
// otherwise (`t trace.Tracer`) is passed over: a span started on it would
// leave the method reported as untraced.
import type { FuncFact } from '../facts/types';
import { offsetAt } from './apply';
import { importedName } from './goImports';
import { tokenize } from './goTokens';
import { importPathOf } from './packageContext';
import type { FixWorkspace } from './plan';
import { folderFiles, importUse, OTEL, OTEL_TRACE, restOfLine, signatureDeclares, type FolderFile, type FuncSite, type ImportUse } from './spanSite';
import { receiverNaming, type ReceiverNaming } from './spanSignature';

export interface TracerChoice {
  /** The right-hand side starting the span: `r.tracer.Start(ctx, "x")`, `startSpan(ctx, "x")`. */
  start(ctx: string, spanName: string): string;
  /** An import it needs, when the file lacks it. */
  wanted?: ImportUse['wanted'];
  /** The unnamed receiver must be named so that its field can be used. */
  receiver?: ReceiverNaming;
}

const TRACER_NAME = /tracer/i;
const quote = (s: string): string => JSON.stringify(s);

const isTracerType = (type: string, facts: FolderFile['facts']): boolean => {
  const traceName = importedName(facts.imports, OTEL_TRACE);
  return traceName !== undefined && type.replace(/\s+/g, '') === `${traceName}.Tracer`;
};

function fieldTracer(ws: FixWorkspace, site: FuncSite, folder: FolderFile[]): TracerChoice | 'blocked' | undefined {
  const receiverType = site.func.receiverType;
  if (receiverType === undefined) return undefined;
  for (const { facts } of folder) {
    const type = facts.types.find((t) => t.name === receiverType && t.kind === 'struct');
    const field = type?.fields.find((f) => TRACER_NAME.test(f.name) && isTracerType(f.type, facts));
    if (!field) continue;
    const named = site.func.receiverVar;
    if (named !== undefined && named !== '_') return { start: (ctx, name) => `${named}.${field.name}.Start(${ctx}, ${quote(name)})` };
    const receiver = receiverNaming(site, folder);
    if (!receiver) return 'blocked';
    return { start: (ctx, name) => `${receiver.name}.${field.name}.Start(${ctx}, ${quote(name)})`, receiver };
  }
  return undefined;
}

function variableTracer(ws: FixWorkspace, site: FuncSite, folder: FolderFile[]): TracerChoice | undefined {
  for (const { file, facts } of folder) {
    for (const v of facts.vars) {
      if (!TRACER_NAME.test(v.name) || signatureDeclares(site, v.name)) continue;
      const typed = v.type !== undefined && isTracerType(v.type, facts);
      if (typed || (v.type === undefined && /^\s*=.*\bTracer\(/.test(restOfLine(ws, file, v.range)))) {
        return { start: (ctx, name) => `${v.name}.Start(${ctx}, ${quote(name)})` };
      }
    }
  }
  return undefined;
}

const SPAN_RESULT = /^(\w+\.)?Span$/;

/** `func startSpan(ctx context.Context, name string, opts ...X) (context.Context, trace.Span)`. */
function hasStarterShape(func: FuncFact): boolean {
  const [ctx, name, ...rest] = func.params;
  const shape = ctx?.type === 'context.Context' && name?.type === 'string' && rest.every((p, i) => i === rest.length - 1 && p.type.startsWith('...'));
  return shape && func.results.length === 2 && func.results[0] === 'context.Context' && SPAN_RESULT.test(func.results[1] ?? '');
}

/** Calls to `helper` in the folder that pass a whole span name (`"<pkg>.<...>"`) as a literal second argument. */
function wholeNameCalls(ws: FixWorkspace, folder: FolderFile[], helper: string, pkg: string): number {
  let count = 0;
  for (const { file, facts } of folder) {
    const text = ws.textOf(file) ?? '';
    for (const call of facts.funcs.flatMap((f) => f.calls)) {
      if (call.name !== helper || call.operand !== undefined || call.argCount < 2) continue;
      const tokens = tokenize(text, offsetAt(text, call.range.start), offsetAt(text, call.range.end));
      const open = tokens.list.findIndex((t) => t.text === '(');
      const comma = tokens.list.findIndex((t, i) => i > open && t.text === ',' && !tokens.list.slice(open + 1, i).some((x) => '([{'.includes(x.text)));
      const arg = tokens.list.slice(comma + 1, comma + 3);
      const literal = arg[0]?.kind === 'string' && (arg[1]?.text === ')' || arg[1]?.text === ',') ? arg[0].text : '';
      if (comma > open && literal.startsWith(`"${pkg}.`)) count += 1;
    }
  }
  return count;
}

function helperTracer(ws: FixWorkspace, site: FuncSite, folder: FolderFile[], pkg: string): TracerChoice | undefined {
  const candidates = folder
    .flatMap(({ facts }) => facts.funcs)
    .filter((f) => f.receiverType === undefined && ws.spanStarters.has(f.name) && hasStarterShape(f) && !signatureDeclares(site, f.name))
    .map((f) => ({ name: f.name, evidence: wholeNameCalls(ws, folder, f.name, pkg) }))
    .filter((c) => c.evidence > 0)
    .sort((a, b) => b.evidence - a.evidence || a.name.localeCompare(b.name));
  const best = candidates[0];
  return best ? { start: (ctx, name) => `${best.name}(${ctx}, ${quote(name)})` } : undefined;
}

function getterTracer(site: FuncSite, folder: FolderFile[]): TracerChoice | undefined {
  for (const { facts } of folder) {
    const getter = facts.funcs.find(
      (f) => f.receiverType === undefined && TRACER_NAME.test(f.name) && f.params.length === 0 && f.results.length === 1 && isTracerType(f.results[0] ?? '', facts),
    );
    if (getter && !signatureDeclares(site, getter.name)) return { start: (ctx, name) => `${getter.name}().Start(${ctx}, ${quote(name)})` };
  }
  return undefined;
}

function otelTracer(ws: FixWorkspace, site: FuncSite, folder: FolderFile[], packagePath: string): TracerChoice | undefined {
  const instrumentation = importPathOf(packagePath, ws.modules);
  const otel = importUse(site, folder, OTEL, 'otel');
  if (instrumentation === undefined || !otel) return undefined;
  const choice: TracerChoice = { start: (ctx, name) => `${otel.name}.Tracer(${quote(instrumentation)}).Start(${ctx}, ${quote(name)})` };
  if (otel.wanted) choice.wanted = otel.wanted;
  return choice;
}

/** The tracer for a new span in `site`; undefined when the fix should not be offered. */
export function chooseTracer(ws: FixWorkspace, site: FuncSite, pkg: { name: string; path: string }): TracerChoice | undefined {
  const folder = folderFiles(ws, site.file);
  const field = fieldTracer(ws, site, folder);
  if (field === 'blocked') return undefined;
  return (
    field ??
    variableTracer(ws, site, folder) ??
    helperTracer(ws, site, folder, pkg.name) ??
    getterTracer(site, folder) ??
    otelTracer(ws, site, folder, pkg.path)
  );
}
