// Quick fix of `testing/missing-benchmarks` (spec §4, §9): add a benchmark
// skeleton per main public operation of the package, named
// `Benchmark<Type><Method>`, to the package's advanced_test.go or <pkg>_test.go
// (same package clause, no build constraint), else to a new benchmark_test.go.
//
// A benchmark cannot know how to build a working receiver (constructors take
// credentials, clients, configs), and a call on a zero value may panic. So the
// skeleton takes the operation as a method value, `(*Client).Embed`, which
// compiles for any exported method of a non-generic named type and runs
// without a configured value; the doc comment says what it measures so far.
import type { FuncFact } from '../facts/types';
import type { EngineDiagnostic } from '../rules/finding';
import { joinRel } from '../workspace/walk';
import { insertAt, offsetAt, positionAt } from './apply';
import { textIn } from './codeText';
import { importChanges, importedName } from './goImports';
import { goPackageName, ownerPackage } from './missingFile';
import { goFilesWithFacts, packageFixContext, packageLevelNames, type GoFile } from './packageContext';
import type { FileChanges, FixWorkspace, NewFile, PlannedFix } from './plan';

interface Operation {
  /** `Client.Embed` or `Embed`. */
  label: string;
  /** The Go expression of the operation as a function value: `(*Client).Embed`, `Embed`. */
  value: string;
  benchmark: string;
}

const MAX_OPERATIONS = 3;

const MOCKISH_TYPE = /^(Mock|NoOp|Noop)|Mock$/;

/** Type parameters on the receiver or the function: a method value of those needs an instantiation. */
function isGeneric(text: string, func: FuncFact): boolean {
  const head = textIn(text, { start: func.range.start, end: func.nameRange.start });
  const after = text.slice(offsetAt(text, func.nameRange.end));
  return head.includes('[') || /^\s*\[/.test(after);
}

function returnsContext(func: FuncFact): boolean {
  return func.results.some((r) => r.replace(/\s+/g, '') === 'context.Context');
}

/** The package's main public operations: the context-taking methods of its main type, else its functions. */
function operations(ws: FixWorkspace, files: GoFile[], goPackage: string): Operation[] {
  const production = files.filter(
    ({ name, facts }) => !name.endsWith('_test.go') && name !== 'test_utils.go' && !/mock/i.test(name) && !facts.generated && facts.packageName === goPackage,
  );
  const exportedTypes = new Set(production.flatMap(({ facts }) => facts.types.filter((t) => t.exported).map((t) => t.name)));
  const candidates: { func: FuncFact; order: number }[] = [];
  for (const { file, facts } of production) {
    const text = ws.textOf(file);
    if (text === undefined) continue;
    for (const func of facts.funcs) {
      if (!func.exported || returnsContext(func) || isGeneric(text, func)) continue;
      const receiver = func.receiverType;
      if (receiver !== undefined && (!exportedTypes.has(receiver) || MOCKISH_TYPE.test(receiver))) continue;
      candidates.push({ func, order: candidates.length });
    }
  }
  const withContext = candidates.filter((c) => c.func.contextParams.length > 0);
  const methods = (list: typeof candidates) => list.filter((c) => c.func.receiverType !== undefined);
  const funcs = (list: typeof candidates) => list.filter((c) => c.func.receiverType === undefined);
  const pick = [methods(withContext), funcs(withContext), methods(candidates), funcs(candidates)].find((list) => list.length > 0) ?? [];
  let chosen = pick;
  if (pick[0]?.func.receiverType !== undefined) {
    const counts = new Map<string, number>();
    for (const c of pick) counts.set(c.func.receiverType ?? '', (counts.get(c.func.receiverType ?? '') ?? 0) + 1);
    const mainType = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    chosen = pick.filter((c) => c.func.receiverType === mainType);
  }
  return chosen
    .sort((a, b) => a.order - b.order)
    .map(({ func }) =>
      func.receiverType !== undefined
        ? { label: `${func.receiverType}.${func.name}`, value: `(*${func.receiverType}).${func.name}`, benchmark: `Benchmark${func.receiverType}${func.name}` }
        : { label: func.name, value: func.name, benchmark: `Benchmark${func.name}` },
    );
}

function benchmarkSource(op: Operation, testingName: string): string {
  const [typeName, method] = op.label.includes('.') ? op.label.split('.') : [undefined, op.label];
  const doc =
    typeName !== undefined
      ? [
          `// ${op.benchmark} is the benchmark of ${op.label}. As written it takes the`,
          `// method value ${op.value}, which needs no configured ${typeName}; a call on a`,
          `// configured ${typeName} in the loop measures ${method} itself.`,
        ]
      : [
          `// ${op.benchmark} is the benchmark of ${op.label}. As written it takes the`,
          `// function value ${op.value}; a call with real arguments in the loop`,
          `// measures ${op.label} itself.`,
        ];
  return [
    ...doc,
    `func ${op.benchmark}(b *${testingName}.B) {`,
    `\tb.ReportAllocs()`,
    `\tfor i := 0; i < b.N; i++ {`,
    `\t\tif op := ${op.value}; op == nil {`,
    `\t\t\tb.Fatal(${JSON.stringify(`${op.value} is nil`)})`,
    `\t\t}`,
    `\t}`,
    `}`,
  ].join('\n');
}

/** The test file of the package that takes the benchmarks: same package clause, no build constraint, parses. */
function targetFile(ws: FixWorkspace, files: GoFile[], goPackage: string, folderName: string): GoFile | undefined {
  const names = ['advanced_test.go', `${goPackage}_test.go`, `${folderName}_test.go`];
  for (const name of names) {
    const found = files.find((f) => f.name === name);
    if (found && found.facts.packageName === goPackage && found.facts.buildConstraint === undefined && !found.facts.generated && found.facts.syntaxErrors.count === 0) return found;
  }
  return undefined;
}

/** The plan adding benchmark skeletons to the package at `packagePath`; undefined when there is nothing to benchmark. */
export function benchmarkPlan(ws: FixWorkspace, packagePath: string): PlannedFix | undefined {
  const ctx = packageFixContext(ws, packagePath);
  if (!ctx) return undefined;
  const files = goFilesWithFacts(ws, packagePath);
  const goPackage = goPackageName(ctx);
  // Test functions are among the functions: the names of both packages a benchmark could clash with.
  const taken = packageLevelNames(files.filter((f) => f.facts.packageName === goPackage || f.facts.packageName === `${goPackage}_test`));
  const ops = operations(ws, files, goPackage).filter((op) => !taken.has(op.benchmark)).slice(0, MAX_OPERATIONS);
  if (ops.length === 0) return undefined;
  const folderName = packagePath.split('/').at(-1) ?? packagePath;
  const target = targetFile(ws, files, goPackage, folderName);
  const labels = ops.map((op) => op.label).join(', ');
  const text = target ? ws.textOf(target.file) : undefined;
  if (target && text !== undefined) {
    const testingName = importedName(target.facts.imports, 'testing') ?? 'testing';
    if (testingName === '_' || testingName === '.' || taken.has(testingName)) return undefined;
    const body = ops.map((op) => benchmarkSource(op, testingName)).join('\n\n');
    const separator = text.endsWith('\n') ? '\n' : '\n\n';
    const changes: FileChanges = {
      file: target.file,
      changes: [...importChanges(text, [{ path: 'testing' }]), insertAt(positionAt(text, text.length), `${separator}${body}\n`)],
    };
    return { title: `Add a benchmark skeleton for ${labels} to ${target.name}`, changes: [changes], creations: [], safe: true };
  }
  if (taken.has('testing')) return undefined;
  const newName = ['benchmark_test.go', `${goPackage}_benchmark_test.go`].find((name) => !ws.exists(joinRel(packagePath, name)));
  if (newName === undefined) return undefined;
  const content = `package ${goPackage}\n\nimport "testing"\n\n${ops.map((op) => benchmarkSource(op, 'testing')).join('\n\n')}\n`;
  const creation: NewFile = { file: joinRel(packagePath, newName), content };
  return { title: `Add a benchmark skeleton for ${labels} in ${newName}`, changes: [], creations: [creation], safe: true };
}

export function benchmarkPlans(d: EngineDiagnostic, ws: FixWorkspace): PlannedFix[] {
  if (d.rule !== 'testing/missing-benchmarks') return [];
  const pkg = ownerPackage(d.file, ws.packages);
  const plan = pkg ? benchmarkPlan(ws, pkg.path) : undefined;
  return plan ? [plan] : [];
}
