// Parameters and signatures as read from Go text, and written back in the
// spelling gofmt gives.

export interface SigParam {
  /** Parameter name as written; undefined when unnamed. */
  name?: string;
  /** The rendered type, without the `...` of a variadic parameter. */
  type: string;
  variadic: boolean;
}

export interface Signature {
  params: SigParam[];
  results: SigParam[];
}

function renderParam(p: SigParam): string {
  const type = p.variadic ? `...${p.type}` : p.type;
  return p.name === undefined ? type : `${p.name} ${type}`;
}

export function renderParams(params: SigParam[]): string {
  return `(${params.map(renderParam).join(', ')})`;
}

export function renderResults(results: SigParam[]): string {
  if (results.length === 0) return '';
  const [only] = results;
  if (results.length === 1 && only && only.name === undefined) return ` ${only.type}`;
  return ` ${renderParams(results)}`;
}

export function renderSignature(sig: Signature): string {
  return `${renderParams(sig.params)}${renderResults(sig.results)}`;
}
