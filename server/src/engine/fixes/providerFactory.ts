// The parameters of a new provider's factory, what each carries into its
// Config, and the case its unit test calls the factory with.
import { rawQualifier } from './goOperations';
import { UnsupportedType } from './goTypeNames';
import { parseSignature, renderType } from './goTypes';
import { resolveNamedType, sourceContext, type GoImports, type SourceContext } from './goWorkspace';
import type { FactorySignature } from './providerRegistration';
import type { ProviderTarget } from './providerTarget';
import type { ConfigField, FactoryParam } from './providerTemplates';

/** The factory's parameters as the provider file writes them, each with what it can carry into Config. */
export function factoryParams(target: ProviderTarget, factory: FactorySignature, imports: GoImports): { params: FactoryParam[]; results: string[] } {
  const rendered = parseSignature(factory.text, target.interfaces.qualifier(factory.ctx, imports));
  const raw = parseSignature(factory.text, rawQualifier);
  const params = rendered.params.map((param, i): FactoryParam => {
    const rawType = raw.params[i]?.type ?? param.type;
    return { ...param, shape: param.variadic ? { kind: 'other' } : paramShape(target, rawType, param.type, factory.ctx, imports) };
  });
  return { params, results: rendered.results.map((r) => r.type) };
}

function paramShape(target: ProviderTarget, raw: string, rendered: string, ctx: SourceContext, imports: GoImports): FactoryParam['shape'] {
  const map = /^map\[string\](any|interface\{\}|string)$/.exec(raw);
  if (map) return { kind: 'map', valueIsString: map[1] === 'string' };
  if (target.interfaces.isContext(raw, ctx)) return { kind: 'other' };
  const declared = resolveNamedType(target.ws, target.modules, ctx, raw);
  if (!declared || declared.type.kind !== 'struct') return { kind: 'other' };
  const structCtx = sourceContext(target.ws, target.modules, declared.file);
  const fields = declared.type.fields.flatMap((f) => {
    if (!f.exported || f.embedded) return [];
    try {
      return [{ name: f.name, type: renderType(f.type, target.interfaces.qualifier(structCtx, imports)) }];
    } catch (error) {
      if (error instanceof UnsupportedType) return [];
      throw error;
    }
  });
  const pointer = raw.startsWith('*');
  return { kind: 'struct', pointer, fields, literal: pointer ? rendered.slice(1) : rendered };
}

export function factoryTestCase(
  target: ProviderTarget,
  factory: FactorySignature,
  imports: GoImports,
  config: ConfigField[],
): { type: string; empty: string; complete?: string } | undefined {
  const { params, results } = factoryParams(target, factory, imports);
  const [param] = params;
  if (params.length !== 1 || !param || results.length !== 2) return undefined;
  const required = config.filter((f) => f.required && f.sample !== undefined);
  const shape = param.shape;
  if (shape.kind === 'struct') {
    const empty = shape.pointer ? 'nil' : `${shape.literal}{}`;
    const all = required.every((f) => shape.fields.some((s) => s.name === f.name && s.type === f.type));
    if (!all || required.length === 0) return { type: param.type, empty };
    const keyed = required.map((f) => `${f.name}: ${f.sample ?? ''}`).join(', ');
    return { type: param.type, empty, complete: `${shape.pointer ? '&' : ''}${shape.literal}{${keyed}}` };
  }
  if (shape.kind === 'map') {
    const keyed = required.map((f) => `${JSON.stringify(f.key)}: ${f.sample ?? ''}`).join(', ');
    return { type: param.type, empty: 'nil', ...(required.length > 0 ? { complete: `${param.type}{${keyed}}` } : {}) };
  }
  return undefined;
}
