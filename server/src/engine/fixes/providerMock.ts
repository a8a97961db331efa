// The mock of a new provider, named after it, for the package's tests.
import { article, commentLines, implementationParams, resultExprs, signatureText, varDecls, type Operation } from './providerTemplates';

export interface MockInput {
  providerName: string;
  typeName: string;
  /** The interface as the mock's file writes it. */
  iface: string;
  operations: Operation[];
  reserved: Set<string>;
}

/** A mock named after the provider: every operation returns Err (or the zero values, the mock itself, the name). */
export function mockDeclaration(input: MockInput): string {
  const reserved = new Set([...input.reserved, 'm', 'out']);
  const methods = input.operations.map((op) => {
    const { params } = implementationParams({ ...op, params: op.params }, reserved);
    const results = resultExprs(op.results, 'm', JSON.stringify(input.providerName), 'm.Err');
    const doc = op.results.some((r) => r.value.kind === 'error')
      ? 'returns m.Err.'
      : op.results.length === 0
        ? 'does nothing.'
        : op.results.some((r) => r.value.kind === 'self')
          ? 'returns m.'
          : op.results.some((r) => r.value.kind === 'name')
            ? `returns ${JSON.stringify(input.providerName)}.`
            : op.results.length === 1
              ? 'returns the zero value.'
              : 'returns zero values.';
    return [
      ...commentLines(`${op.name} ${doc}`),
      `func (m *${input.typeName}) ${op.name}${signatureText(params, op.results)} {`,
      ...varDecls(op.results, '\t'),
      ...(op.results.length > 0 ? [`\treturn ${results.join(', ')}`] : []),
      '}',
    ].join('\n');
  });
  return [
    ...commentLines(
      `${input.typeName} is a test double of the ${input.providerName} provider: ${article(input.iface)} ${input.iface} whose operations return Err.`,
    ),
    `type ${input.typeName} struct {`,
    '\t// Err is what the operations return.',
    '\tErr error',
    '}',
    '',
    `var _ ${input.iface} = (*${input.typeName})(nil)`,
    ...methods.flatMap((m) => ['', m]),
  ].join('\n');
}
