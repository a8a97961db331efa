// Go coverage profiles, as written by `go test -coverprofile` (spec §4).
// Pure: takes the profile text, returns data. The engine reads the files.

export interface CoverageBlock {
  statements: number;
  count: number;
}

/**
 * Import-path file key (`example.com/fw/pkg/llms/client.go`) ->
 * block range (`startLine.startCol,endLine.endCol`) -> block.
 */
export type CoverageProfile = Map<string, Map<string, CoverageBlock>>;

export interface ParsedCoverageProfile {
  profile: CoverageProfile;
  /** Non-blank lines that are neither a `mode:` line nor a block line. */
  malformedLines: number;
}

export interface CoverageSummary {
  statements: number;
  covered: number;
  /** covered / statements * 100, rounded to 1 decimal. */
  percentage: number;
}

const MODE_LINE = /^mode:\s*(set|count|atomic)$/;
// The file part is greedy so that the block is taken after the last `:`.
const BLOCK_LINE = /^(.+):(\d+\.\d+,\d+\.\d+)\s+(\d+)\s+(\d+)$/;

interface ParsedBlockLine {
  fileKey: string;
  range: string;
  block: CoverageBlock;
}

function parseBlockLine(line: string): ParsedBlockLine | null {
  const match = BLOCK_LINE.exec(line);
  if (!match) return null;
  const [, fileKey, range, statements, count] = match;
  if (fileKey === undefined || range === undefined || statements === undefined || count === undefined) {
    return null;
  }
  return {
    fileKey,
    range,
    block: { statements: Number(statements), count: Number(count) },
  };
}

/**
 * Records a block, keeping the largest count when the block is already known
 * (profiles merged with -coverpkg, or several runs appended to one file).
 * Statement counts of one block are equal in well-formed profiles; the larger
 * one is kept so a damaged line cannot shrink the denominator.
 */
function addBlock(profile: CoverageProfile, fileKey: string, range: string, block: CoverageBlock): void {
  let blocks = profile.get(fileKey);
  if (!blocks) {
    blocks = new Map();
    profile.set(fileKey, blocks);
  }
  const known = blocks.get(range);
  if (!known) {
    blocks.set(range, { statements: block.statements, count: block.count });
    return;
  }
  known.statements = Math.max(known.statements, block.statements);
  known.count = Math.max(known.count, block.count);
}

/** Parses a coverage profile. Never throws; unparsable lines are only counted. */
export function parseCoverageProfile(text: string): ParsedCoverageProfile {
  const profile: CoverageProfile = new Map();
  let malformedLines = 0;
  for (const rawLine of text.split(/\r\n|\n|\r/)) {
    const line = rawLine.trim();
    if (line === '' || MODE_LINE.test(line)) continue;
    const parsed = parseBlockLine(line);
    if (parsed) {
      addBlock(profile, parsed.fileKey, parsed.range, parsed.block);
    } else {
      malformedLines++;
    }
  }
  return { profile, malformedLines };
}

/** Merges profiles into a new one (inputs untouched); a block keeps its largest count. */
export function mergeCoverageProfiles(profiles: CoverageProfile[]): CoverageProfile {
  const merged: CoverageProfile = new Map();
  for (const profile of profiles) {
    for (const [fileKey, blocks] of profile) {
      for (const [range, block] of blocks) addBlock(merged, fileKey, range, block);
    }
  }
  return merged;
}

/**
 * Coverage over the given files only. `null` when none of them appears in the
 * profile: coverage is then unknown, which is not the same as 0 %.
 * Files present but without statements give 100 % (nothing left uncovered).
 */
export function coverageOf(profile: CoverageProfile, fileKeys: Iterable<string>): CoverageSummary | null {
  let statements = 0;
  let covered = 0;
  let anyFileFound = false;
  for (const fileKey of new Set(fileKeys)) {
    const blocks = profile.get(fileKey);
    if (!blocks) continue;
    anyFileFound = true;
    for (const block of blocks.values()) {
      statements += block.statements;
      if (block.count > 0) covered += block.statements;
    }
  }
  if (!anyFileFound) return null;
  const percentage = statements === 0 ? 100 : Math.round((covered / statements) * 1000) / 10;
  return { statements, covered, percentage };
}

/** The file keys present in the profile, sorted. */
export function profileFileKeys(profile: CoverageProfile): string[] {
  return [...profile.keys()].sort();
}
