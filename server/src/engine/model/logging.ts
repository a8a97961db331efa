// Logging (spec §3): structured logging, OTEL context, levels, per-call rules.
import type { ObservabilityIntegration } from '../../../../common/schemas/entities';
import type { FuncFact } from '../facts/types';
import type { Finding } from '../rules/finding';
import { callsAny, passesTraceIdToLog } from './starters';
import type { PackageView } from './view';

type LoggingIntegration = ObservabilityIntegration['loggingIntegration'];

const STRUCTURED_IMPORTS = ['log/slog', 'go.uber.org/zap', 'github.com/rs/zerolog', 'github.com/go-logr/logr'];
const BRIDGE_IMPORT = /(^|\/)(otelslog|otelzap|otellogr|otellogrus|otelzerolog)$|^go\.opentelemetry\.io\/otel\/log(\/|$)/;
const LEVEL_ORDER = ['debug', 'info', 'warn', 'error'] as const;

export interface LoggingHelpers {
  logging: Set<string>;
  traceLogging: Set<string>;
}

function isStructuredImport(path: string): boolean {
  return STRUCTURED_IMPORTS.some((p) => path === p || path.startsWith(`${p}/`));
}

function packageFuncs(view: PackageView): FuncFact[] {
  return view.productionFiles.flatMap((file) => view.facts(file)?.funcs ?? []);
}

export function computeLogging(view: PackageView, helpers: LoggingHelpers): LoggingIntegration {
  const imports = view.productionFiles.flatMap((file) => view.facts(file)?.imports ?? []).map((i) => i.path);
  const funcs = packageFuncs(view);
  const logCalls = funcs.flatMap((f) => f.logCalls);
  const hasStructuredLogging =
    imports.some(isStructuredImport) ||
    logCalls.some((call) => call.library === 'logrus') ||
    funcs.some((f) => callsAny(f, helpers.logging));
  const hasOTELContext =
    imports.some((path) => BRIDGE_IMPORT.test(path)) ||
    funcs.some((f) => passesTraceIdToLog(f, helpers.logging) || callsAny(f, helpers.traceLogging));
  const levels = new Set(logCalls.flatMap((call) => (call.level ? [call.level] : [])));
  const status = hasStructuredLogging ? (hasOTELContext ? 'COMPLETE' : 'PARTIAL') : 'MISSING';
  return {
    hasStructuredLogging,
    hasOTELContext,
    logLevels: LEVEL_ORDER.filter((level) => levels.has(level)),
    status,
  };
}

export function logCallFindings(view: PackageView): Finding[] {
  const findings: Finding[] = [];
  for (const file of view.productionFiles) {
    const facts = view.facts(file);
    if (!facts) continue;
    for (const call of facts.funcs.flatMap((f) => f.logCalls)) {
      if (call.contextName === undefined || call.withContext) continue;
      findings.push({
        rule: 'logging/no-otel-context',
        file,
        range: call.range,
        message: `${call.callee} drops the trace id: use the Context variant with ${call.contextName} so the log carries it.`,
        fix: `Pass ${call.contextName} to the Context variant`,
      });
    }
    if (facts.packageName === 'main') continue;
    for (const call of facts.unstructuredCalls) {
      findings.push({
        rule: 'logging/unstructured-call',
        file,
        range: call.range,
        message: `${call.callee} in library code writes unstructured output: log through the package's structured logger instead.`,
      });
    }
  }
  return findings;
}
