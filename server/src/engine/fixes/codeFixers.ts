// The quick fixes of spec §9 that rewrite Go code, by rule. Pure: each reads
// the workspace through FixWorkspace and returns plans.
//
// `testing/low-coverage`, `testing/advanced-test-incomplete` and
// `testing/stale-coverage` share the spec's "create a benchmark skeleton" row
// but get no fix here: a benchmark adds no coverage (`go test -cover` runs no
// benchmarks), is neither a table-driven nor a concurrency test, and does not
// refresh a coverage profile. Offering it there would claim a fix that leaves
// the finding in place.
import type { DiagnosticFixer } from './index';
import { benchmarkPlan, benchmarkPlans } from './benchmark';
import { ifaceMovePlan, ifaceMovePlans } from './ifaceMove';
import { metricRenamePlans } from './metricName';
import { slogContextPlans } from './slogContext';

export const codeFixers: Record<string, DiagnosticFixer[]> = {
  'otel/metric-name': [metricRenamePlans],
  'logging/no-otel-context': [slogContextPlans],
  'testing/missing-benchmarks': [benchmarkPlans],
  'structure/missing-directory': [ifaceMovePlans],
};

export { benchmarkPlan, ifaceMovePlan };
