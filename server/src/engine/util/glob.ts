// Glob patterns over workspace-relative, forward-slash paths (settings such as
// `coverage.profiles`, `benchmarks.results`, exclusions).
//
//   **        any number of whole path segments, including none (`a/**/b` matches `a/b`)
//   *  ?      any run of characters / one character within a segment
//   {a,b}     alternatives (may nest, may contain `/` and other glob syntax)
//   [abc]     character class; `[!abc]` or `[^abc]` negates; never matches `/`
//   \x        the character x, literally
//
// Like .gitignore: a pattern without `/` matches the basename at any depth, a
// leading `/` anchors it to the workspace root, and a trailing `/` matches the
// folder and everything below it. A leading `./` is ignored (`./x.go` is `x.go`).

const REGEX_SPECIALS = /[.*+?^${}()|[\]\\]/g;

function escapeRegExp(text: string): string {
  return text.replace(REGEX_SPECIALS, '\\$&');
}

interface Translation {
  source: string;
  /** Index just past the consumed glob text. */
  end: number;
}

/** Translates `[...]` starting at `start`; null when the class is not closed. */
function translateClass(pattern: string, start: number): Translation | null {
  let i = start + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  const bodyStart = i;
  if (pattern[i] === ']') i++; // a leading `]` is a member, not the end
  while (i < pattern.length && pattern[i] !== ']') i++;
  if (i >= pattern.length) return null;
  const body = pattern.slice(bodyStart, i).replace(/[\\\]^[]/g, '\\$&');
  const source = negated ? `[^/${body}]` : `(?!/)[${body}]`;
  return { source, end: i + 1 };
}

/** Index of the `}` closing the `{` at `start`, or -1. */
function findBraceEnd(pattern: string, start: number): number {
  let depth = 0;
  for (let i = start; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Splits brace content on its top-level commas. */
function splitAlternatives(content: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < content.length; i++) {
    const char = content[i] ?? '';
    if (char === '\\') {
      current += char + (content[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === '{') depth++;
    if (char === '}') depth--;
    if (char === ',' && depth === 0) {
      alternatives.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  alternatives.push(current);
  return alternatives;
}

function translateBraces(pattern: string, start: number): Translation | null {
  const end = findBraceEnd(pattern, start);
  if (end < 0) return null;
  const alternatives = splitAlternatives(pattern.slice(start + 1, end));
  return { source: `(?:${alternatives.map(translate).join('|')})`, end: end + 1 };
}

function isSegmentStart(pattern: string, index: number): boolean {
  return index === 0 || pattern[index - 1] === '/';
}

/**
 * `**` as a whole segment, followed by `/`: any number of segments, none
 * included. `**` inside a segment (`a**b`) is handled as `*`; a trailing `/**`
 * by the caller.
 */
function translateGlobstar(pattern: string, start: number): Translation | null {
  if (pattern[start + 1] !== '*' || !isSegmentStart(pattern, start)) return null;
  const after = start + 2;
  if (after === pattern.length) return { source: '.*', end: after };
  if (pattern[after] !== '/') return null;
  return { source: '(?:[^/]+/)*', end: after + 1 };
}

function translateAt(pattern: string, i: number): Translation {
  const char = pattern[i] ?? '';
  switch (char) {
    case '*':
      return translateGlobstar(pattern, i) ?? { source: '[^/]*', end: i + (pattern[i + 1] === '*' ? 2 : 1) };
    case '?':
      return { source: '[^/]', end: i + 1 };
    case '[':
      return translateClass(pattern, i) ?? { source: '\\[', end: i + 1 };
    case '{':
      return translateBraces(pattern, i) ?? { source: '\\{', end: i + 1 };
    case '\\':
      return { source: escapeRegExp(pattern[i + 1] ?? '\\'), end: i + 2 };
    case '/':
      // A trailing `/**` matches the folder itself too.
      return pattern.slice(i) === '/**' ? { source: '(?:/.*)?', end: i + 3 } : { source: '/', end: i + 1 };
    default:
      return { source: escapeRegExp(char), end: i + 1 };
  }
}

/** Translates a glob (or a brace alternative) to an unanchored regex source. */
function translate(pattern: string): string {
  let source = '';
  let i = 0;
  while (i < pattern.length) {
    const piece = translateAt(pattern, i);
    source += piece.source;
    i = piece.end;
  }
  return source;
}

function stripLeadingDotSlash(path: string): string {
  let stripped = path;
  while (stripped.startsWith('./')) stripped = stripped.slice(2);
  return stripped;
}

/** Compiles a glob to a regex matching whole workspace-relative paths. */
export function globToRegExp(pattern: string): RegExp {
  let body = stripLeadingDotSlash(pattern);
  const anchored = body.startsWith('/');
  if (anchored) body = body.replace(/^\/+/, '');
  // Decided before a trailing `/` becomes `/**`: `vendor/` matches at any depth.
  const matchesAnyDepth = !anchored && !body.replace(/\/$/, '').includes('/');
  if (body.endsWith('/')) body += '**';
  const prefix = matchesAnyDepth ? '(?:.*/)?' : '';
  return new RegExp(`^${prefix}${translate(body)}$`);
}

const compiledGlobs = new Map<string, RegExp>();
const MAX_COMPILED_GLOBS = 1000;

/** Whether the workspace-relative, forward-slash `relPath` matches `pattern`. */
export function matchesGlob(pattern: string, relPath: string): boolean {
  let regex = compiledGlobs.get(pattern);
  if (!regex) {
    if (compiledGlobs.size >= MAX_COMPILED_GLOBS) compiledGlobs.clear();
    regex = globToRegExp(pattern);
    compiledGlobs.set(pattern, regex);
  }
  return regex.test(stripLeadingDotSlash(relPath));
}

/** Whether `pattern` uses any glob syntax (an unescaped `*`, `?`, `[` or `{`). */
export function isGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (char === '*' || char === '?' || char === '[' || char === '{') return true;
  }
  return false;
}
