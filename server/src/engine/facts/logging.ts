// Structured log calls: which library, which level, whether a context (and so
// a trace id) goes with them.
import type { Node } from 'web-tree-sitter';
import { expressionLastName, type CallSite } from './callSite';
import { rangeOf, textOf } from './syntax';
import type { FuncFact, ImportFact, LogCallFact, LogLevel } from './types';

type Library = LogCallFact['library'];

const LIBRARY_PATHS: Record<string, Library> = {
  'log/slog': 'slog',
  'go.uber.org/zap': 'zap',
  'github.com/rs/zerolog': 'zerolog',
  'github.com/rs/zerolog/log': 'zerolog',
  'github.com/go-logr/logr': 'logr',
  'github.com/sirupsen/logrus': 'logrus',
};

/** Precedence when a log-named receiver could belong to several imported libraries. */
const FAMILY_ORDER: Library[] = ['slog', 'zap', 'zerolog', 'logr', 'logrus'];

export interface LoggingImports {
  /** Local package name -> library (`slog`, `zap`, `log` for zerolog/log, aliases honoured). */
  packages: Map<string, Library>;
  /** The library a receiver such as `s.logger` is taken to be. */
  receiverFamily: Library;
  zerolog: boolean;
}

export function loggingImports(imports: ImportFact[]): LoggingImports {
  const packages = new Map<string, Library>();
  const libraries = new Set<Library>();
  for (const item of imports) {
    const library = LIBRARY_PATHS[item.path];
    if (!library) continue;
    libraries.add(library);
    const localName = item.alias ?? item.path.slice(item.path.lastIndexOf('/') + 1);
    if (localName !== '_' && localName !== '.') packages.set(localName, library);
  }
  const receiverFamily = FAMILY_ORDER.find((library) => libraries.has(library)) ?? 'other';
  return { packages, receiverFamily, zerolog: libraries.has('zerolog') };
}

const LEVEL_METHOD = /^(Debug|Info|Warn|Warning|Error)(f|ln|w|Context)?$/;
const LEVELLESS_METHOD = /^(?:Log|LogAttrs|(?:Fatal|Panic|DPanic)(?:f|ln|w)?)$/;
const LEVELS: Record<string, LogLevel> = { Debug: 'debug', Info: 'info', Warn: 'warn', Warning: 'warn', Error: 'error' };

/** Calls on a logger that return a logger (or event) to log on. */
const BUILDERS = new Set([
  'With', 'WithField', 'WithFields', 'WithError', 'WithContext', 'WithGroup', 'WithValues', 'WithName',
  'WithOptions', 'Named', 'Sugar', 'Ctx', 'V',
]);

/** A log call inside `func`, or undefined when the call is not one. */
export function logCallFact(site: CallSite, func: FuncFact, imports: LoggingImports, source: string): LogCallFact | undefined {
  const levelMatch = LEVEL_METHOD.exec(site.name);
  if (site.operand === undefined || (!levelMatch && !LEVELLESS_METHOD.test(site.name))) return undefined;
  const operand = site.calleeNode.childForFieldName('operand');
  if (!operand) return undefined;
  const chain = receiverChain(operand, source);
  const library = libraryOf(site, chain, imports, source);
  if (library === undefined || (library === 'other' && !levelMatch)) return undefined;
  const fact: LogCallFact = {
    library,
    callee: site.callee,
    withContext: usesContext(site, chain, library, source),
    nameRange: rangeOf(site.calleeNode.childForFieldName('field') ?? site.calleeNode),
    range: site.range,
  };
  const level = levelMatch ? LEVELS[levelMatch[1] ?? ''] : levelArgument(site, source);
  if (level) fact.level = level;
  const contextName = func.contextParams.find((name) => name !== '_');
  if (library === 'slog' && !fact.withContext && levelMatch && !levelMatch[2] && contextName) fact.contextName = contextName;
  return fact;
}

interface ReceiverChain {
  /** The receiver once builder calls are peeled off: `logger` in `logger.With(...).Info`. */
  root: Node;
  builders: string[];
}

function receiverChain(operand: Node, source: string): ReceiverChain {
  const builders: string[] = [];
  let root = operand;
  while (root.type === 'call_expression') {
    const callee = root.childForFieldName('function');
    const name = callee?.type === 'selector_expression' ? expressionLastName(callee, source) : undefined;
    const inner = callee?.childForFieldName('operand');
    if (name === undefined || !BUILDERS.has(name) || !inner) break;
    builders.push(name);
    root = inner;
  }
  return { root, builders };
}

/**
 * `slog.Info`, `zap.L().Info`, `log.Info()` on an imported logging package
 * belong to that package; a receiver whose last name contains "log" belongs
 * to the library the file imports (a zero-argument level call is a zerolog
 * event). logrus counts as structured only when chained on WithField(s).
 */
function libraryOf(site: CallSite, chain: ReceiverChain, imports: LoggingImports, source: string): Library | undefined {
  let library = imports.packages.get(rootPackageName(chain.root, source) ?? '');
  if (library === undefined) {
    const rootName = expressionLastName(chain.root, source);
    if (rootName === undefined || !/log/i.test(rootName)) return undefined;
    const zerologEvent = imports.zerolog && site.argCount === 0 && LEVEL_METHOD.test(site.name);
    library = zerologEvent ? 'zerolog' : imports.receiverFamily;
  }
  if (library === 'logrus' && !chain.builders.some((name) => name === 'WithField' || name === 'WithFields')) return 'other';
  return library;
}

/** `slog` for `slog`, `zap` for `zap.L()`, `logr` for `logr.FromContext(ctx)`. */
function rootPackageName(root: Node, source: string): string | undefined {
  if (root.type === 'identifier') return textOf(source, root);
  if (root.type !== 'call_expression') return undefined;
  const callee = root.childForFieldName('function');
  const pkg = callee?.type === 'selector_expression' ? callee.childForFieldName('operand') : null;
  return pkg?.type === 'identifier' ? textOf(source, pkg) : undefined;
}

function usesContext(site: CallSite, chain: ReceiverChain, library: Library, source: string): boolean {
  if (site.name.endsWith('Context')) return true;
  if (library === 'slog' && (site.name === 'Log' || site.name === 'LogAttrs')) return true;
  if (chain.builders.includes('Ctx') || chain.builders.includes('WithContext')) return true;
  if (chain.root.type === 'call_expression' && /Context|Ctx/.test(expressionLastName(chain.root, source) ?? '')) return true;
  return library === 'zerolog' && eventChainHasCtx(site.node, source);
}

/** zerolog's `log.Info().Ctx(ctx).Msg(...)`: a `Ctx` call further along the event chain. */
function eventChainHasCtx(call: Node, source: string): boolean {
  let current: Node = call;
  for (let step = 0; step < 32; step += 1) {
    const selector = current.parent;
    const next = selector?.parent;
    if (selector?.type !== 'selector_expression' || next?.type !== 'call_expression') return false;
    if (expressionLastName(selector, source) === 'Ctx') return true;
    current = next;
  }
  return false;
}

/** slog's `Log(ctx, slog.LevelWarn, ...)`: the level named by the second argument. */
function levelArgument(site: CallSite, source: string): LogLevel | undefined {
  const levelNode = site.args[1];
  const name = levelNode ? /Level(Debug|Info|Warn|Error)$/.exec(textOf(source, levelNode))?.[1] : undefined;
  return name ? LEVELS[name] : undefined;
}
