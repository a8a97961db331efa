// Logging (spec §3 Logging): structured logging, OTEL context in logs,
// workspace logging helpers, and the unstructured-call / no-otel-context rules.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { PackageCompliance } from '../../common/schemas/entities';
import { auditFixture, diagnosticLines, diagnosticsOf, findPackage, fixturePath, lineOf } from './helpers/fixtures';

describe('logging (logging)', () => {
  const root = fixturePath('logging');
  let orders: PackageCompliance;
  let payments: PackageCompliance;
  let shipping: PackageCompliance;
  let legacy: PackageCompliance;
  before(async () => {
    const report = await auditFixture('logging');
    orders = findPackage(report, 'orders');
    payments = findPackage(report, 'payments');
    shipping = findPackage(report, 'shipping');
    legacy = findPackage(report, 'legacy');
  });

  it('orders logs with slog but never hands on a trace id: PARTIAL, levels debug/info/warn', () => {
    const logging = orders.observability.loggingIntegration;
    assert.equal(logging.hasStructuredLogging, true);
    assert.equal(logging.hasOTELContext, false);
    assert.equal(logging.status, 'PARTIAL');
    // slog.Debug, slog.Info, s.logger.InfoContext, slog.WarnContext
    assert.deepEqual([...logging.logLevels].sort(), ['debug', 'info', 'warn']);
  });

  it('flags slog.Info where ctx is in scope, not slog.Debug where none is', () => {
    const file = 'pkg/orders/orders.go';
    const lines = diagnosticLines(orders, 'logging/no-otel-context', file);
    assert.ok(lines.includes(lineOf(root, file, 'slog.Info("placing order"')));
    assert.ok(!lines.includes(lineOf(root, file, 'slog.Debug(')));
    assert.ok(!lines.includes(lineOf(root, file, 's.logger.InfoContext(')));
    assert.ok(!lines.includes(lineOf(root, file, 'slog.WarnContext(')));
  });

  it('payments logs only through a workspace helper that adds the trace id: COMPLETE', () => {
    // internal/obs.LogWithTrace logs through slog and reads trace.SpanContextFromContext.
    const logging = payments.observability.loggingIntegration;
    assert.equal(logging.hasStructuredLogging, true);
    assert.equal(logging.hasOTELContext, true);
    assert.equal(logging.status, 'COMPLETE');
  });

  it('shipping reads the span context itself and logs the trace id: COMPLETE', () => {
    const logging = shipping.observability.loggingIntegration;
    assert.equal(logging.hasOTELContext, true);
    assert.equal(logging.status, 'COMPLETE');
    assert.deepEqual(logging.logLevels, ['error']);
  });

  it('legacy only prints: MISSING, with logging/no-structured on its anchor', () => {
    assert.equal(legacy.observability.loggingIntegration.hasStructuredLogging, false);
    assert.equal(legacy.observability.loggingIntegration.status, 'MISSING');
    const diagnostics = diagnosticsOf(legacy, 'logging/no-structured');
    assert.ok(diagnostics.length > 0);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.file, 'pkg/legacy/legacy.go');
      assert.equal(diagnostic.severity, 'warning');
    }
  });

  it('flags fmt.Println and log.Printf in a non-main package, not in the main package below it', () => {
    const file = 'pkg/legacy/legacy.go';
    assert.deepEqual(diagnosticLines(legacy, 'logging/unstructured-call', file), [
      lineOf(root, file, 'fmt.Println('),
      lineOf(root, file, 'log.Printf('),
    ]);
    assert.deepEqual(diagnosticLines(legacy, 'logging/unstructured-call', 'pkg/legacy/cmd/legacyctl/main.go'), []);
    assert.deepEqual(diagnosticsOf(orders, 'logging/unstructured-call'), []);
  });
});
