// The methods of a Go interface, read from facts (embedded interfaces
// included), and written again as the operations of a new type in another
// file: each signature's types qualified as that file must write them, each
// result with the value an implementation that does no work returns. Shared
// by "add provider" (the provider and its mock) and the test_utils.go
// template (the package's mock).
import type { ModuleInfo } from './missingFile';
import { UnsupportedType, literalZero, type Qualifier } from './goTypeNames';
import type { Signature } from './goSignatures';
import { parseSignature } from './goTypes';
import {
  goPackageOf,
  importNamed,
  lastPathElement,
  resolveNamedType,
  sourceContext,
  type DeclaredType,
  type GoImports,
  type GoLookup,
  type SourceContext,
} from './goWorkspace';
import type { Operation, OperationResult, ResultValue } from './providerTemplates';

/** An interface that a new type cannot implement as written; the message says why. */
export class UnimplementableInterface extends Error {}

export interface InterfaceMethod {
  name: string;
  signature: string;
  ctx: SourceContext;
}

/** Signatures as written, qualifiers kept: `context.Context`, `Message`. */
export const rawQualifier: Qualifier = (pkg, name) => (pkg === undefined ? name : `${pkg}.${name}`);

const NO_CONTEXT: SourceContext = { file: '', dir: '\u0000', imports: [] };

/** Methods of interfaces embedded from the standard library that providers commonly embed. */
const WELL_KNOWN: Record<string, { name: string; signature: string }[]> = {
  'io.Closer': [{ name: 'Close', signature: '() error' }],
  'fmt.Stringer': [{ name: 'String', signature: '() string' }],
};

type InterfaceElement = { kind: 'method'; name: string } | { kind: 'embedded'; name: string };

/** The methods and embedded type names of an interface declaration's text, in order; throws for type-set elements. */
function interfaceElements(text: string): InterfaceElement[] {
  const open = text.indexOf('{');
  const close = text.lastIndexOf('}');
  if (open < 0 || close < open) return [];
  const body = text.slice(open + 1, close).replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '');
  const elements: InterfaceElement[] = [];
  let depth = 0;
  let element = '';
  const flush = () => {
    const trimmed = element.trim();
    element = '';
    if (trimmed === '') return;
    const method = /^([\p{L}_][\p{L}\p{Nd}_]*)\s*\(/u.exec(trimmed);
    if (method?.[1] !== undefined) elements.push({ kind: 'method', name: method[1] });
    else if (/^(?:[\p{L}_][\p{L}\p{Nd}_]*\.)?[\p{L}_][\p{L}\p{Nd}_]*$/u.test(trimmed)) elements.push({ kind: 'embedded', name: trimmed });
    else throw new UnimplementableInterface(`the interface has the element ${trimmed}, which cannot be implemented as written`);
  };
  for (const char of body) {
    if ('([{'.includes(char)) depth++;
    if (')]}'.includes(char)) depth--;
    if (depth === 0 && (char === '\n' || char === ';')) flush();
    else element += char;
  }
  flush();
  return elements;
}

export class GoInterfaces {
  constructor(
    private readonly ws: GoLookup,
    private readonly modules: ModuleInfo[],
  ) {}

  /** How a file whose imports are `imports` writes the types that the file of `ctx` writes. */
  qualifier(ctx: SourceContext, imports: GoImports): Qualifier {
    return (pkg, name) => {
      if (pkg === undefined) {
        if (ctx.importPath === undefined) throw new UnsupportedType(`${name} is declared outside every module`);
        if (ctx.importPath !== imports.ownPath && !/^\p{Lu}/u.test(name)) {
          throw new UnsupportedType(`the unexported type ${name} cannot be named from another package`);
        }
        return imports.ref(ctx.importPath, goPackageOf(this.ws, ctx.dir) ?? lastPathElement(ctx.importPath), name);
      }
      const path = importNamed(this.ws, this.modules, ctx, pkg);
      if (path === undefined) throw new UnsupportedType(`${ctx.file} imports no package named ${pkg}`);
      return imports.ref(path, pkg, name);
    };
  }

  /** How `imports`' file names the interface itself. */
  reference(iface: DeclaredType, imports: GoImports): string {
    return this.qualifier(sourceContext(this.ws, this.modules, iface.file), imports)(undefined, iface.type.name);
  }

  /** Every method of the interface, embedded ones in place; throws UnimplementableInterface. */
  methods(declared: DeclaredType, seen = new Set<string>()): InterfaceMethod[] {
    const key = `${declared.file}\u0000${declared.type.name}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const text = declared.type.text ?? '';
    if (/^type\s*\(?\s*[\p{L}_][\p{L}\p{Nd}_]*\s*\[/u.test(text)) throw new UnimplementableInterface(`${declared.type.name} has type parameters`);
    const ctx = sourceContext(this.ws, this.modules, declared.file);
    const methods: InterfaceMethod[] = [];
    for (const element of interfaceElements(text)) {
      if (element.kind === 'method') {
        const method = declared.type.methods.find((m) => m.name === element.name);
        if (method) methods.push({ name: method.name, signature: method.signature, ctx });
        continue;
      }
      const inner = resolveNamedType(this.ws, this.modules, ctx, element.name);
      if (inner && inner.type.kind === 'interface') methods.push(...this.methods(inner, seen));
      else if (WELL_KNOWN[element.name]) methods.push(...(WELL_KNOWN[element.name] ?? []).map((m) => ({ ...m, ctx: NO_CONTEXT })));
      else throw new UnimplementableInterface(`${declared.type.name} embeds ${element.name}, whose methods cannot be read`);
    }
    for (const method of declared.type.methods) if (!methods.some((m) => m.name === method.name)) methods.push({ ...method, ctx });
    const unique = new Map<string, InterfaceMethod>();
    for (const method of methods) if (!unique.has(method.name)) unique.set(method.name, method);
    const unexported = [...unique.keys()].filter((n) => !/^\p{Lu}/u.test(n));
    if (unexported.length > 0) {
      throw new UnimplementableInterface(`${declared.type.name} has unexported methods (${unexported.join(', ')}): only its own package can implement it`);
    }
    return [...unique.values()];
  }

  /** The methods as operations of a type in the file of `imports`; throws UnsupportedType. */
  operations(methods: InterfaceMethod[], iface: DeclaredType, imports: GoImports): Operation[] {
    return methods.map((method) => {
      const rendered = parseSignature(method.signature, this.qualifier(method.ctx, imports));
      const raw = parseSignature(method.signature, rawQualifier);
      const contextIndex = raw.params.findIndex((p) => !p.variadic && this.isContext(p.type, method.ctx));
      const results = rendered.results.map(
        (r, i): OperationResult => ({
          type: r.type,
          value: this.resultValue(method, raw.results[i]?.type ?? r.type, r.type, i === rendered.results.length - 1, iface, rendered),
        }),
      );
      return { name: method.name, params: rendered.params, results, ...(contextIndex >= 0 ? { contextIndex } : {}) };
    });
  }

  /** `context.Context`, however the file of `ctx` imports context. */
  isContext(rawType: string, ctx: SourceContext): boolean {
    const match = /^([\p{L}_][\p{L}\p{Nd}_]*)\.Context$/u.exec(rawType);
    return match?.[1] !== undefined && importNamed(this.ws, this.modules, ctx, match[1]) === 'context';
  }

  private resultValue(method: InterfaceMethod, raw: string, rendered: string, last: boolean, iface: DeclaredType, sig: Signature): ResultValue {
    // Close of something that holds no connection has nothing to release: it succeeds.
    if (raw === 'error' && last && method.name === 'Close' && sig.results.length === 1) return { kind: 'literal', text: 'nil' };
    if (raw === 'error' && last) return { kind: 'error' };
    if (sig.results.length === 1 && rendered === 'string' && ['Name', 'ProviderName', 'ID'].includes(method.name)) return { kind: 'name' };
    const literal = literalZero(rendered);
    if (literal !== undefined) return { kind: 'literal', text: literal };
    const declared = method.ctx === NO_CONTEXT ? undefined : resolveNamedType(this.ws, this.modules, method.ctx, raw);
    if (declared && declared.file === iface.file && declared.type.name === iface.type.name) return { kind: 'self' };
    if (declared?.type.kind === 'interface') return { kind: 'literal', text: 'nil' };
    if (declared?.type.kind === 'struct') return { kind: 'literal', text: `${rendered}{}` };
    return { kind: 'var' };
  }
}
