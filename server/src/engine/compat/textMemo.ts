// A memo for pure functions of a string. API texts repeat a great deal across
// a workspace (`error`, `context.Context`, `string`, the same names in every
// package), and normalising or splitting them is regular-expression work. The
// memo is bounded: past its size it starts over, so it never outgrows a run.

const MAX_ENTRIES = 50_000;

export function memoizeText<T>(compute: (text: string) => T): (text: string) => T {
  let memo = new Map<string, T>();
  return (text) => {
    const known = memo.get(text);
    if (known !== undefined) return known;
    if (memo.size >= MAX_ENTRIES) memo = new Map();
    const value = compute(text);
    memo.set(text, value);
    return value;
  };
}
