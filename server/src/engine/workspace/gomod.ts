// go.mod and go.work, read as text (the go tool is not needed).

export interface GoRequire {
  path: string;
  version: string;
  indirect: boolean;
}

export interface GoReplace {
  from: string;
  to: string;
  version?: string;
}

export interface GoMod {
  modulePath: string | null;
  requires: GoRequire[];
  replaces: GoReplace[];
}

/** Splits a go.mod/go.work into directive entries, flattening `( ... )` blocks. */
function directives(text: string): { verb: string; args: string; comment: string }[] {
  const out: { verb: string; args: string; comment: string }[] = [];
  let block: string | null = null;
  for (const rawLine of text.split(/\r?\n/)) {
    const commentAt = rawLine.indexOf('//');
    const comment = commentAt >= 0 ? rawLine.slice(commentAt + 2).trim() : '';
    const line = (commentAt >= 0 ? rawLine.slice(0, commentAt) : rawLine).trim();
    if (line === '') continue;
    if (block !== null) {
      if (line === ')') block = null;
      else out.push({ verb: block, args: line, comment });
      continue;
    }
    const match = /^(\S+)\s*(.*)$/.exec(line);
    if (!match) continue;
    const verb = match[1] ?? '';
    const args = (match[2] ?? '').trim();
    if (args === '(') block = verb;
    else out.push({ verb, args, comment });
  }
  return out;
}

function unquote(token: string): string {
  return token.replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1');
}

export function parseGoMod(text: string): GoMod {
  const mod: GoMod = { modulePath: null, requires: [], replaces: [] };
  for (const { verb, args, comment } of directives(text)) {
    const tokens = args.split(/\s+/).map(unquote);
    if (verb === 'module' && tokens[0]) mod.modulePath = tokens[0];
    if (verb === 'require' && tokens[0] && tokens[1]) {
      mod.requires.push({ path: tokens[0], version: tokens[1], indirect: /\bindirect\b/.test(comment) });
    }
    if (verb === 'replace') {
      const arrow = tokens.indexOf('=>');
      const from = tokens[0];
      const to = tokens[arrow + 1];
      if (arrow > 0 && from && to) mod.replaces.push({ from, to, version: tokens[arrow + 2] });
    }
  }
  return mod;
}

/** The `use` directories of a go.work, as written (relative to the go.work folder). */
export function parseGoWork(text: string): string[] {
  return directives(text)
    .filter((d) => d.verb === 'use')
    .map((d) => unquote(d.args.split(/\s+/)[0] ?? ''))
    .filter((dir) => dir !== '');
}
