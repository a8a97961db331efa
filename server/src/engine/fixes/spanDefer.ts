// `otel/span-not-ended` (spec §9): `defer <span>.End()` on the line after the
// statement that starts the span, at its indentation. A span assigned to `_`
// is renamed `span` first (with `:=` or `var` only, and only when `span` is
// not a name in the function yet). Not offered inside a `for` loop, where a
// defer would end every iteration's span only when the function returns, nor
// when the statement does not end its line.
import type { Range } from '../facts/types';
import type { EngineDiagnostic } from '../rules/finding';
import { offsetAt, positionAt } from './apply';
import { indentAt } from './codeText';
import { blockHeader, bracesAround, isFuncLiteralBody, statementStart } from './goBlocks';
import { tokenAt, usesName } from './goTokens';
import type { FixWorkspace, PlannedFix, TextChange } from './plan';
import { funcHolding, funcSite, type FuncSite } from './spanSite';

const sameRange = (a: Range, b: Range): boolean =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** Whether a `for` block holds token `index` within the innermost function around it. */
function inLoop(site: FuncSite, index: number): boolean {
  for (const brace of bracesAround(site.tokens, index, site.body)) {
    if (isFuncLiteralBody(site.tokens, brace)) return false;
    if (blockHeader(site.tokens, brace)[0]?.text === 'for') return true;
  }
  return false;
}

/** Renames the `_` a span is assigned to: `x, _ := tracer.Start(...)` -> `x, span := ...`. */
function renameBlank(site: FuncSite, statement: number, call: number): TextChange | undefined {
  const tokens = site.tokens.list;
  const declares = tokens[call - 1]?.text === ':=' || tokens[statement]?.text === 'var';
  const names = tokens.slice(tokens[statement]?.text === 'var' ? statement + 1 : statement, call - 1);
  const blank = names[2];
  if (!declares || names[1]?.text !== ',' || blank?.text !== '_' || usesName(site.tokens, 'span')) return undefined;
  return { range: { start: positionAt(site.text, blank.start), end: positionAt(site.text, blank.end) }, newText: 'span' };
}

export function deferEndPlans(d: EngineDiagnostic, ws: FixWorkspace): PlannedFix[] {
  const func = funcHolding(ws, d.file, d.range.start);
  const start = func?.spanStarts.find((s) => sameRange(s.range, d.range));
  const site = func && start?.spanVar !== undefined ? funcSite(ws, d.file, func) : undefined;
  if (!site || start?.spanVar === undefined) return [];
  const { tokens, text } = site;
  const call = tokenAt(tokens, offsetAt(text, d.range.start));
  const endOffset = offsetAt(text, d.range.end);
  const last = tokens.list.findIndex((t) => t.end === endOffset && t.text === ')');
  const after = tokens.list[last + 1];
  if (call <= site.body || last < call || after?.auto !== true || inLoop(site, call)) return [];
  const statement = statementStart(tokens, call);
  const rename = start.spanVar === '_' ? renameBlank(site, statement, call) : undefined;
  if (start.spanVar === '_' && !rename) return [];
  const spanVar = rename ? 'span' : start.spanVar;
  const indent = indentAt(text, tokens.list[statement]?.start ?? after.start);
  const defer: TextChange = { range: { start: positionAt(text, after.start + 1), end: positionAt(text, after.start + 1) }, newText: `${indent}defer ${spanVar}.End()\n` };
  const changes = rename ? [rename, defer] : [defer];
  return [{ title: `Add defer ${spanVar}.End()`, changes: [{ file: d.file, changes }], creations: [], safe: true }];
}
