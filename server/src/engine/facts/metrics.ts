// OpenTelemetry instrument definitions: `meter.Int64Counter("name", opts...)`.
import type { Node } from 'web-tree-sitter';
import type { CallSite } from './callSite';
import { literalValue, stringParts } from './strings';
import { lastDottedName, rangeOf, textOf } from './syntax';
import type { MetricFact } from './types';

const INSTRUMENT = /^(?:Int64|Float64)(?:Observable)?(Counter|UpDownCounter|Histogram|Gauge)$/;

const INSTRUMENT_TYPES: Record<string, MetricFact['type']> = {
  Counter: 'counter',
  UpDownCounter: 'updowncounter',
  Histogram: 'histogram',
  Gauge: 'gauge',
};

/** The metric a call defines, or undefined when it is not an instrument constructor on a meter. */
export function metricFact(site: CallSite, inFunction: string | undefined, source: string): MetricFact | undefined {
  const kind = site.operand === undefined ? undefined : INSTRUMENT.exec(site.name)?.[1];
  const type = kind === undefined ? undefined : INSTRUMENT_TYPES[kind];
  if (type === undefined || site.operand === undefined) return undefined;
  const [nameNode, ...options] = site.args;
  const fact: MetricFact = {
    instrument: site.name,
    type,
    name: nameNode ? metricName(nameNode, source) : { dynamic: true },
    nameRange: nameNode ? rangeOf(nameNode) : site.range,
    meter: site.operand,
    range: site.range,
  };
  const unit = optionValue(options, 'WithUnit', source);
  if (unit !== undefined) fact.unit = unit;
  const description = optionValue(options, 'WithDescription', source);
  if (description !== undefined) fact.description = description;
  if (inFunction !== undefined) fact.inFunction = inFunction;
  return fact;
}

/** A literal name, a constant or `+` join to resolve later, or dynamic. */
function metricName(node: Node, source: string): MetricFact['name'] {
  const literal = literalValue(node, source);
  if (literal !== undefined) return { literal };
  const parts = stringParts(node, source);
  return parts ? { parts } : { dynamic: true };
}

/** The string literal passed to an option such as `metric.WithUnit("ms")`. */
function optionValue(options: Node[], optionName: string, source: string): string | undefined {
  for (const option of options) {
    if (option.type !== 'call_expression') continue;
    const callee = option.childForFieldName('function');
    if (!callee || lastDottedName(textOf(source, callee)) !== optionName) continue;
    const args = option.childForFieldName('arguments');
    const value = literalValue(args?.namedChildren.find((arg) => arg.type !== 'comment'), source);
    if (value !== undefined) return value;
  }
  return undefined;
}
