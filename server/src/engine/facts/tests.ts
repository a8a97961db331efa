// Test functions, and the marks of concurrency in tests.
import type { Node } from 'web-tree-sitter';
import type { CallSite } from './callSite';
import { compactType } from './syntax';
import { appearsInCode } from './textScan';
import type { FuncFact, ImportFact, TestFuncFact } from './types';

const TEST_SIGNATURES: { prefix: string; kind: TestFuncFact['kind']; param: string }[] = [
  { prefix: 'Test', kind: 'test', param: '*testing.T' },
  { prefix: 'Benchmark', kind: 'benchmark', param: '*testing.B' },
  { prefix: 'Fuzz', kind: 'fuzz', param: '*testing.F' },
];

/** What `go test` would run: `TestX(t *testing.T)`, `BenchmarkX(b *testing.B)`, `FuzzX(f *testing.F)`, `ExampleX()`. */
export function testFuncFact(func: FuncFact): TestFuncFact | undefined {
  if (func.receiverType !== undefined || func.results.length > 0) return undefined;
  if (isTestName(func.name, 'Example') && func.params.length === 0) {
    return { name: func.name, kind: 'example', range: func.range };
  }
  const [param, ...rest] = func.params;
  if (!param || rest.length > 0) return undefined;
  const signature = TEST_SIGNATURES.find(
    (candidate) => isTestName(func.name, candidate.prefix) && compactType(param.type) === candidate.param,
  );
  return signature ? { name: func.name, kind: signature.kind, range: func.range } : undefined;
}

/** Go's rule: the prefix alone, or followed by something that is not a lower-case letter (`Testable` is not a test). */
function isTestName(name: string, prefix: string): boolean {
  return name.startsWith(prefix) && !/^\p{Ll}/u.test(name.slice(prefix.length));
}

/** A `go` statement, `sync.WaitGroup`, an errgroup import, or `t.Parallel()`. */
export function hasConcurrency(
  goStatements: number,
  imports: ImportFact[],
  sites: CallSite[],
  root: Node,
  source: string,
): boolean {
  if (goStatements > 0) return true;
  if (imports.some((item) => item.path === 'errgroup' || item.path.endsWith('/errgroup'))) return true;
  if (sites.some((site) => site.name === 'Parallel' && site.operand !== undefined && site.argCount === 0)) return true;
  return source.includes('sync.WaitGroup') && appearsInCode(root, source, /\bsync\.WaitGroup\b/g);
}
