// Observability rows of a package: Metrics, Tracing (the untraced methods), Logging.
import { baseName, check, node, plural, statusIcon, statusTone, type ComplianceNode, type TreePackage } from './treeNode';
import type { PackageContext } from './treeStructure';

type Observability = TreePackage['observability'];

function metricsNode(scope: PackageContext, parentId: string, obs: Observability): ComplianceNode {
  const metrics = obs.metricsIntegration;
  const id = `${parentId}/metrics`;
  const definitions = metrics.metricDefinitions.map((metric, index) =>
    node(id, `metric:${index}:${metric.name}`, {
      label: metric.dynamic ? '(dynamic name)' : metric.name,
      description: [metric.type, metric.unit].filter(Boolean).join(' · '),
      tooltip: `${metric.instrument} at ${metric.file}:${metric.line}${metric.description ? `\n${metric.description}` : ''}`,
      icon: 'graph-line',
      contextValue: 'metric',
      target: { kind: 'file', location: { folderUri: scope.folderUri, file: metric.file, line: metric.line } },
    }),
  );
  const children = metrics.hasMetricsFile ? definitions : [check(id, 'metrics.go', 'metrics.go', false), ...definitions];
  return node(parentId, 'metrics', {
    label: 'Metrics',
    description: `${metrics.status} · ${plural(metrics.metricDefinitions.length, 'metric')}`,
    tooltip: `naming: ${obs.patternCompliance.metricNamingConvention} · patterns: ${obs.patternCompliance.status}`,
    icon: statusIcon(metrics.status),
    tone: statusTone(metrics.status),
    contextValue: 'area.metrics',
    children,
  });
}

function tracingNode(scope: PackageContext, parentId: string, obs: Observability): ComplianceNode {
  const tracing = obs.tracingIntegration;
  const id = `${parentId}/tracing`;
  const untraced = tracing.methods
    .filter((method) => !method.traced)
    .map((method) =>
      node(id, `untraced:${method.file}:${method.name}`, {
        label: method.name,
        description: `${baseName(method.file)}:${method.line}`,
        tooltip: `${method.name} (${method.file}:${method.line}) starts no span.`,
        icon: 'symbol-method',
        tone: 'fail',
        contextValue: 'untracedMethod',
        target: { kind: 'file', location: { folderUri: scope.folderUri, file: method.file, line: method.line } },
      }),
    );
  return node(parentId, 'tracing', {
    label: 'Tracing',
    description: `${tracing.status} · ${tracing.publicMethodsTraced}/${tracing.totalPublicMethods} traced (${tracing.coveragePercentage}%)`,
    tooltip:
      `Counted with scope "${tracing.scope}": ${tracing.totalPublicMethods} public methods ` +
      `(${tracing.allPublicMethods} with scope "all"). Pattern: ${obs.patternCompliance.tracingPattern}.` +
      (untraced.length > 0 ? ' The untraced methods are listed below.' : ''),
    icon: statusIcon(tracing.status),
    tone: statusTone(tracing.status),
    contextValue: 'area.tracing',
    children: untraced,
  });
}

function loggingNode(parentId: string, obs: Observability): ComplianceNode {
  const logging = obs.loggingIntegration;
  const id = `${parentId}/logging`;
  const children = [
    check(id, 'structured', 'structured logging', logging.hasStructuredLogging),
    check(id, 'otel', 'trace context in logs', logging.hasOTELContext),
  ];
  if (logging.logLevels.length > 0) {
    children.push(node(id, 'levels', { label: 'levels', description: logging.logLevels.join(', '), icon: 'list-flat' }));
  }
  return node(parentId, 'logging', {
    label: 'Logging',
    description: logging.status,
    icon: statusIcon(logging.status),
    tone: statusTone(logging.status),
    contextValue: 'area.logging',
    children,
  });
}

export function observabilityNode(scope: PackageContext): ComplianceNode {
  const obs = scope.pkg.observability;
  const id = `${scope.id}/observability`;
  return node(scope.id, 'observability', {
    label: 'Observability',
    description: obs.status,
    icon: statusIcon(obs.status),
    tone: statusTone(obs.status),
    contextValue: 'area.observability',
    children: [metricsNode(scope, id, obs), tracingNode(scope, id, obs), loggingNode(id, obs)],
  });
}
