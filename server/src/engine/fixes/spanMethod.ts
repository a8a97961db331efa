// The edit adding a span to one untraced method (spec §9): at the top of its
// body `ctx, span := <tracer>.Start(ctx, "<package>.<Type>.<Method>")` and
// `defer span.End()`, errors recorded on the span before error returns, and
// the imports that takes. Undefined whenever the result might not compile:
// no context parameter, a `span` already named in the function, no usable
// tracer, a one-line body with statements in it.
import type { FuncFact } from '../facts/types';
import type { PackageModel } from '../model/package';
import { insertAt, offsetAt, positionAt } from './apply';
import { indentAt } from './codeText';
import type { WantedImport } from './goImports';
import { usesName } from './goTokens';
import type { FixWorkspace, TextChange } from './plan';
import { errorRecordings, returnsError } from './spanErrors';
import { contextParam } from './spanSignature';
import { folderFiles, funcSite, importUse, OTEL_CODES, sentinelErrors, type FuncSite } from './spanSite';
import { chooseTracer } from './spanTracer';

export interface MethodEdit {
  file: string;
  /** `Type.Method`, or `Func` for a plain function. */
  name: string;
  changes: TextChange[];
  imports: WantedImport[];
}

const SPAN = 'span';

/** `<last segment of the package name>.<Type>.<Method>`, as model/tracing.ts names spans. */
export function spanNameOf(pkg: PackageModel, func: FuncFact): string {
  const segment = pkg.packageName.split('/').at(-1) ?? pkg.packageName;
  return [segment, func.receiverType, func.name].filter((p) => p !== undefined).join('.');
}

/** Inserts `lines` as the body's first lines; undefined for a one-line body holding statements. */
function bodyInsertion(site: FuncSite, lines: string, baseIndent: string): TextChange | undefined {
  const { tokens, body, text } = site;
  const open = tokens.list[body];
  const closeIndex = tokens.match[body] ?? -1;
  const close = tokens.list[closeIndex];
  if (!open || !close) return undefined;
  const openLine = positionAt(text, open.start).line;
  const next = tokens.list.slice(body + 1).find((t) => t.kind !== 'semi');
  if (next && next !== close && positionAt(text, next.start).line === openLine) return undefined;
  if (positionAt(text, close.start).line === openLine) {
    return { range: { start: positionAt(text, open.start), end: positionAt(text, close.end) }, newText: `{\n${lines}${baseIndent}}` };
  }
  return insertAt({ line: openLine + 1, character: 0 }, lines);
}

function recordings(ws: FixWorkspace, site: FuncSite): { changes: TextChange[]; imports: WantedImport[] } {
  if (!returnsError(site)) return { changes: [], imports: [] };
  const folder = folderFiles(ws, site.file);
  const codes = importUse(site, folder, OTEL_CODES, 'codes', 'otelcodes');
  const changes = codes ? errorRecordings(site, SPAN, codes.name, sentinelErrors(ws, folder)) : [];
  return { changes, imports: codes?.wanted && changes.length > 0 ? [codes.wanted] : [] };
}

export function methodSpanEdit(ws: FixWorkspace, file: string, func: FuncFact, pkg: PackageModel): MethodEdit | undefined {
  const site = funcSite(ws, file, func);
  if (!site || usesName(site.tokens, SPAN)) return undefined;
  const ctx = contextParam(site);
  const segment = pkg.packageName.split('/').at(-1) ?? pkg.packageName;
  const tracer = ctx ? chooseTracer(ws, site, { name: segment, path: pkg.path }) : undefined;
  if (!ctx || !tracer) return undefined;
  const baseIndent = indentAt(site.text, offsetAt(site.text, func.range.start));
  const indent = `${baseIndent}\t`;
  // The span's context is kept only when the body goes on to use the context.
  const keepsContext = usesName(site.tokens, ctx.name, site.body + 1, site.tokens.match[site.body] ?? site.body);
  const lhs = `${keepsContext ? ctx.name : '_'}, ${SPAN}`;
  const start = `${indent}${lhs} := ${tracer.start(ctx.name, spanNameOf(pkg, func))}\n${indent}defer ${SPAN}.End()\n`;
  const insertion = bodyInsertion(site, start, baseIndent);
  if (!insertion) return undefined;
  const recorded = recordings(ws, site);
  const signature = [ctx.change, tracer.receiver?.change].filter((c): c is TextChange => c !== undefined);
  return {
    file,
    name: func.receiverType === undefined ? func.name : `${func.receiverType}.${func.name}`,
    changes: [...signature, insertion, ...recorded.changes],
    imports: [...(tracer.wanted ? [tracer.wanted] : []), ...recorded.imports],
  };
}
