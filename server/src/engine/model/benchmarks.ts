// `go test -bench` output (spec §3, PerformanceImpact).
// Pure: takes the output text, returns data. The engine reads the files.

/** Benchmark name (GOMAXPROCS suffix removed) -> mean ns/op. */
export type BenchmarkResults = Map<string, number>;

/** Import path of the `pkg:` line in force ('' before any) -> its results. */
export type BenchmarkOutput = Map<string, BenchmarkResults>;

interface RunningMean {
  sum: number;
  runs: number;
}

const PKG_LINE = /^pkg:\s*(\S+)\s*$/;
const BENCHMARK_NAME = /^(Benchmark\S*)/;
// `<iterations> <value> ns/op`, possibly followed by other metrics.
const MEASUREMENT = /^\s*(\d+)\s+(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s+ns\/op(?:\s|$)/;

/**
 * Removes the `-N` GOMAXPROCS suffix that `go test` appends. Go omits it when
 * GOMAXPROCS is 1, so a name that genuinely ends in `-<digits>` (a
 * sub-benchmark like `size-1024`) run with -cpu=1 loses that part; the output
 * carries no way to tell the two apart.
 */
export function stripProcsSuffix(name: string): string {
  return name.replace(/-\d+$/, '');
}

function addMeasurement(
  sums: Map<string, Map<string, RunningMean>>,
  pkg: string,
  name: string,
  nsPerOp: number,
): void {
  let byName = sums.get(pkg);
  if (!byName) {
    byName = new Map();
    sums.set(pkg, byName);
  }
  const mean = byName.get(name) ?? { sum: 0, runs: 0 };
  mean.sum += nsPerOp;
  mean.runs += 1;
  byName.set(name, mean);
}

function toMeans(sums: Map<string, Map<string, RunningMean>>): BenchmarkOutput {
  const output: BenchmarkOutput = new Map();
  for (const [pkg, byName] of sums) {
    const results: BenchmarkResults = new Map();
    for (const [name, mean] of byName) results.set(name, mean.sum / mean.runs);
    output.set(pkg, results);
  }
  return output;
}

function parseNsPerOp(text: string): number | null {
  const match = MEASUREMENT.exec(text);
  if (!match || match[2] === undefined) return null;
  const value = Number(match[2]);
  return Number.isFinite(value) ? value : null;
}

/**
 * Parses `go test -bench` output. A benchmark measured several times
 * (-count=N, or appended runs) keeps its mean. Never throws; lines that are not
 * understood are ignored.
 */
export function parseBenchmarkOutput(text: string): BenchmarkOutput {
  const sums = new Map<string, Map<string, RunningMean>>();
  let pkg = '';
  // When a benchmark prints to stdout, `go test` writes the name, then the
  // output, then the measurement on a line of its own; it belongs to this name.
  let pendingName: string | null = null;
  for (const rawLine of text.split(/\r\n|\n|\r/)) {
    const line = rawLine.trimEnd();
    const pkgMatch = PKG_LINE.exec(line);
    if (pkgMatch && pkgMatch[1] !== undefined) {
      pkg = pkgMatch[1];
      pendingName = null;
      continue;
    }
    const nameMatch = BENCHMARK_NAME.exec(line);
    if (nameMatch && nameMatch[1] !== undefined) {
      const name = stripProcsSuffix(nameMatch[1]);
      const nsPerOp = parseNsPerOp(line.slice(nameMatch[1].length));
      if (nsPerOp === null) {
        pendingName = name;
      } else {
        addMeasurement(sums, pkg, name, nsPerOp);
        pendingName = null;
      }
      continue;
    }
    const nsPerOp = pendingName === null ? null : parseNsPerOp(line);
    if (pendingName !== null && nsPerOp !== null) {
      addMeasurement(sums, pkg, pendingName, nsPerOp);
      pendingName = null;
    }
  }
  return toMeans(sums);
}

/**
 * Baseline names tried for `name`: the suffix appended to the whole name
 * (`BenchmarkX` -> `BenchmarkXBaseline`) and, for a sub-benchmark, to its
 * top-level part (`BenchmarkX/case_1` -> `BenchmarkXBaseline/case_1`).
 */
function baselineCandidates(name: string, suffix: string): string[] {
  const candidates = [name + suffix];
  const slash = name.indexOf('/');
  if (slash > 0) candidates.push(name.slice(0, slash) + suffix + name.slice(slash));
  return candidates;
}

/**
 * Overhead of instrumented benchmarks over their baselines, in percent, for
 * every pair `BenchmarkX` / `BenchmarkX<suffix>` present. Returns the largest
 * overhead over all pairs: the worst case is what decides whether a package
 * needs optimization. Rounded to 1 decimal; null when no pair exists.
 */
export function overheadPercentage(
  results: Map<string, number> | Record<string, number>,
  baselineSuffixes: string[],
): number | null {
  const byName = results instanceof Map ? results : new Map(Object.entries(results));
  const suffixes = baselineSuffixes.filter((suffix) => suffix !== '');
  let worst: number | null = null;
  for (const [name, nsPerOp] of byName) {
    for (const suffix of suffixes) {
      for (const baselineName of baselineCandidates(name, suffix)) {
        const baseline = byName.get(baselineName);
        // A zero baseline gives no meaningful ratio.
        if (baseline === undefined || baseline <= 0) continue;
        const overhead = ((nsPerOp - baseline) / baseline) * 100;
        if (worst === null || overhead > worst) worst = overhead;
      }
    }
  }
  return worst === null ? null : Math.round(worst * 10) / 10;
}
