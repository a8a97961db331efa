// Names a template derives from a package: Go identifiers and metric segments.
// Pure string work, shared by the templates and the fix planner.

/** `vector_store` -> `VectorStore`, `llms` -> `Llms`: the exported-identifier form of a Go package name. */
export function pascalCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return /^[A-Z]/.test(joined) ? joined : `Pkg${joined}`;
}

/**
 * A metric name segment for the default `metrics.namePattern`: lowercase
 * letters, digits and `_`, starting with a letter.
 */
export function metricSegment(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .replace(/^[^a-z]+/, '');
  return cleaned === '' ? 'pkg' : cleaned;
}

/** The first segment shared by most dotted metric names, undefined when there is none. */
export function majorityFirstSegment(names: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const name of names) {
    if (!name.includes('.')) continue;
    const first = name.slice(0, name.indexOf('.'));
    counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}
