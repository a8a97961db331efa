// The Go source of a new provider package.
//
// What the generated provider does: it is registered, validates its Config and
// traces each operation of the interface, but it has no client for the
// provider's API. Operations that can fail return ErrNotConnected (recorded on
// their span) rather than pretending to succeed; operations that cannot fail
// return the provider's name, the provider itself (methods returning the
// interface, like BindTools), or zero values. No placeholder comment and no
// panic: the code compiles, its tests pass, and it says what it does.
import { alignColumns } from './goTypes';
import {
  assemble,
  commentLines,
  implementationParams,
  resultExprs,
  signatureText,
  varDecls,
  type ConfigField,
  type FactoryParam,
  type Operation,
  type ProviderFileInput,
} from './providerTemplates';

const RESERVED_IN_BODY = ['span', 'tracer', 'out'];

/** The receiver name of the provider type: its initial, as Go code names receivers, unless that is taken. */
export function receiverName(typeName: string, reserved: Set<string>): string {
  return [typeName.charAt(0).toLowerCase(), 'p', 'impl'].find((n) => !reserved.has(n)) ?? 'impl';
}

function operationDoc(op: Operation, traced: boolean, receiver: string): string {
  const fails = op.results.some((r) => r.value.kind === 'error');
  if (fails) return traced ? `fails with ErrNotConnected, recorded on its span.` : 'fails with ErrNotConnected.';
  const kinds = new Set(op.results.map((r) => r.value.kind));
  if (op.results.length === 0) return traced ? 'records its span and does nothing else: there is no API to call.' : 'does nothing: there is no API to call.';
  if (kinds.has('self')) return `returns ${receiver} unchanged.`;
  if (kinds.has('name')) return 'returns ProviderName.';
  if (op.name === 'Close') return 'returns nil: the provider holds no connection to release.';
  return `returns ${op.results.length === 1 ? 'the zero value' : 'zero values'}: there is no API to ask.`;
}

function providerOperation(input: ProviderFileInput, op: Operation, receiver: string, reserved: Set<string>): string {
  const { params, contextName } = implementationParams(op, reserved);
  const spanName = `${input.spanPackage}.${input.typeName}.${op.name}`;
  const lines = [
    ...commentLines(`${op.name} ${operationDoc(op, contextName !== undefined, receiver)}`),
    `func (${receiver} *${input.typeName}) ${op.name}${signatureText(params, op.results)} {`,
  ];
  if (contextName !== undefined) {
    lines.push(`\t_, span := tracer.Start(${contextName}, ${JSON.stringify(spanName)})`, '\tdefer span.End()');
  }
  lines.push(...varDecls(op.results, '\t'));
  const fails = op.results.some((r) => r.value.kind === 'error');
  if (fails && contextName !== undefined) {
    lines.push('\tspan.RecordError(ErrNotConnected)', `\tspan.SetStatus(${input.refs.codesError}, ErrNotConnected.Error())`);
  }
  if (op.results.length > 0) lines.push(`\treturn ${resultExprs(op.results, receiver, 'ProviderName', 'ErrNotConnected').join(', ')}`);
  lines.push('}');
  return lines.join('\n');
}

function configStruct(fields: ConfigField[]): string {
  const rows = fields.map((f) => {
    const tags = [`json:"${f.key}"`, `yaml:"${f.key}"`];
    if (f.default) tags.push(`default:"${f.default.tag}"`);
    const rules = [...(f.required ? ['required'] : []), ...f.rules];
    if (rules.length > 0) tags.push(`validate:"${rules.join(',')}"`);
    return [f.name, f.type, `\`${tags.join(' ')}\``];
  });
  return ['type Config struct {', ...alignColumns(rows).map((row) => `\t${row}`), '}'].join('\n');
}

function defaultConfig(fields: ConfigField[]): string {
  const defaults = fields.filter((f) => f.default).map((f) => `${f.name}: ${f.default?.expr ?? ''}`);
  const without = fields.filter((f) => !f.default).map((f) => f.name);
  const doc =
    without.length > 0
      ? `DefaultConfig returns the defaults the tags describe; ${listText(without)} ${without.length === 1 ? 'has' : 'have'} none.`
      : 'DefaultConfig returns the defaults the tags describe.';
  return [...commentLines(doc), 'func DefaultConfig() Config {', `\treturn Config{${defaults.join(', ')}}`, '}'].join('\n');
}

function listText(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

function validateMethod(input: ProviderFileInput): string {
  const cases = input.config.flatMap((f) =>
    f.invalid ? [`\tcase ${f.invalid.when}:`, `\t\treturn ${input.refs.errorsNew}(${JSON.stringify(`${input.providerName}: ${f.invalid.message}`)})`] : [],
  );
  return [
    '// Validate reports the first field that is missing or out of range.',
    'func (c Config) Validate() error {',
    '\tswitch {',
    ...cases,
    '\t}',
    '\treturn nil',
    '}',
  ].join('\n');
}

/** Statements copying what a factory parameter carries into `c`, at `indent`. */
function paramCopies(param: FactoryParam, name: string, config: ConfigField[], indent: string): string[] {
  const shape = param.shape;
  if (shape.kind === 'struct') {
    const copies = config.flatMap((f) => {
      const source = shape.fields.find((s) => s.name === f.name && s.type === f.type);
      if (!source) return [];
      const zero = f.type === 'string' ? '""' : '0';
      const inner = shape.pointer ? `${indent}\t` : indent;
      return [`${inner}if ${name}.${f.name} != ${zero} {`, `${inner}\tc.${f.name} = ${name}.${f.name}`, `${inner}}`];
    });
    if (copies.length === 0) return [];
    return shape.pointer ? [`${indent}if ${name} != nil {`, ...copies, `${indent}}`] : copies;
  }
  if (shape.kind === 'map') {
    return config
      .filter((f) => !shape.valueIsString || f.type === 'string')
      .flatMap((f) => {
        const read = shape.valueIsString ? `${name}[${JSON.stringify(f.key)}]` : `${name}[${JSON.stringify(f.key)}].(${f.type})`;
        return [`${indent}if v, ok := ${read}; ok {`, `${indent}\tc.${f.name} = v`, `${indent}}`];
      });
  }
  return [];
}

/** Factory parameters with names for the ones it reads (`_` for the rest); none shadow `reserved`. */
export function factoryParamNames(params: FactoryParam[], reserved: Set<string>): string[] {
  const used = new Set<string>();
  return params.map((p, i) => {
    if (p.shape.kind === 'other') return '_';
    let name = p.name !== undefined && p.name !== '_' ? p.name : p.shape.kind === 'map' ? 'opts' : 'cfg';
    if (name === 'c' || name === 'v' || name === 'ok' || name === 'p' || name === 'err' || reserved.has(name) || used.has(name)) name = `arg${i}`;
    used.add(name);
    return name;
  });
}

function factoryFunc(input: ProviderFileInput, reserved: Set<string>): string {
  const { params, results } = input.factory;
  const names = factoryParamNames(params, reserved);
  const allUnnamed = names.every((n) => n === '_');
  const paramText = params.map((p, i) => `${allUnnamed ? '' : `${names[i] ?? '_'} `}${p.variadic ? '...' : ''}${p.type}`).join(', ');
  const resultText = results.length === 1 ? ` ${results[0] ?? ''}` : ` (${results.join(', ')})`;
  const reads = params.some((p) => p.shape.kind !== 'other');
  const source = reads
    ? 'New is the factory registered as ProviderName: it copies the settings its arguments carry over DefaultConfig'
    : 'New is the factory registered as ProviderName: its arguments carry no settings of this provider, so it starts from DefaultConfig';
  const check =
    results.length === 2
      ? ', and validates the result.'
      : `. The registry's factories return no error, so it does not validate the result: ${input.constructorName} does.`;
  const doc = commentLines(`${source}${check}`);
  const body = ['\tc := DefaultConfig()', ...params.flatMap((p, i) => paramCopies(p, names[i] ?? '_', input.config, '\t'))];
  if (results.length === 2) {
    body.push(`\tp, err := ${input.constructorName}(c)`, '\tif err != nil {', '\t\treturn nil, err', '\t}', '\treturn p, nil');
  } else {
    body.push(`\treturn &${input.typeName}{cfg: c}`);
  }
  return [...doc, `func New(${paramText})${resultText} {`, ...body, '}'].join('\n');
}

export function providerFile(input: ProviderFileInput): string {
  const declared = new Set([...input.imports.takenNames(), ...RESERVED_IN_BODY, 'ProviderName', 'ErrNotConnected', input.typeName]);
  const receiver = receiverName(input.typeName, declared);
  const reserved = new Set([...declared, receiver]);
  const body = [
    '// ProviderName is the name the provider registers under.',
    `const ProviderName = ${JSON.stringify(input.providerName)}`,
    '',
    ...commentLines(
      `ErrNotConnected is what the operations return: the provider validates its configuration and traces its calls, but has no client for the ${input.providerName} API.`,
    ),
    `var ErrNotConnected = ${input.refs.errorsNew}(${JSON.stringify(`${input.providerName}: the provider has no API client`)})`,
    '',
    `var tracer = ${input.refs.otelTracer}(${JSON.stringify(input.importPath)})`,
    '',
    'func init() {',
    `\t${input.registerCallee}(ProviderName, New)`,
    '}',
    '',
    `// Config configures the ${input.providerName} provider.`,
    configStruct(input.config),
    '',
    defaultConfig(input.config),
    '',
    validateMethod(input),
    '',
    ...commentLines(`${input.typeName} is the ${input.providerName} implementation of ${input.iface}.`),
    `type ${input.typeName} struct {`,
    '\tcfg Config',
    '}',
    '',
    `var _ ${input.iface} = (*${input.typeName})(nil)`,
    '',
    factoryFunc(input, reserved),
    '',
    ...commentLines(`${input.constructorName} returns a ${input.typeName} for cfg, or the error of cfg.Validate.`),
    `func ${input.constructorName}(cfg Config) (*${input.typeName}, error) {`,
    '\tif err := cfg.Validate(); err != nil {',
    '\t\treturn nil, err',
    '\t}',
    `\treturn &${input.typeName}{cfg: cfg}, nil`,
    '}',
    ...input.operations.flatMap((op) => ['', providerOperation(input, op, receiver, reserved)]),
  ].join('\n');
  const header = [
    ...commentLines(
      `Package ${input.goPackage} is the ${input.providerName} provider of ${input.frameworkPackage}. Importing it registers ${JSON.stringify(input.providerName)} with ${input.registerDescription}.`,
    ),
    '//',
    ...commentLines(
      `It validates its configuration and traces every operation, but has no client for the ${input.providerName} API yet: operations that can fail return ErrNotConnected instead of made-up results.`,
    ),
    `package ${input.goPackage}`,
  ].join('\n');
  return assemble(header, input.imports, body);
}
