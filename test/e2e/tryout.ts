// `npm run tryout:e2e`: a try-out, not a CI test. What a new user does in a real
// VS Code (code-server with the packaged VSIX) on a Go framework of about twenty
// packages (examples/ replicated by bench/generate.ts): watch it index, read
// the score, open the tree and the Problems panel, and apply every quick fix
// the lightbulb offers in several files, plus "Fix all" from Source Action….
// Screenshots go to test-results/e2e/tryout-*.png; the summary counts checks.
// Counts are compared with an exported report and with a CLI audit of the disk;
// lines starting "note:" are observations, not checks (fixes the README lists
// that the lightbulb does not offer; Ctrl+. right after opening a file).
// TRYOUT_TRACE=1 also logs the LSP traffic into the gocomply output channel.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateWorkspace } from '../../bench/generate';
import { createProfile, installExtension, setupCodeServer, startCodeServer, type Profile, type RunningCodeServer } from './codeServer';
import { makeTempDir } from './fixture';
import { Checks, waitFor } from './harness';
import { commandTitle, field, parseJson } from './json';
import { closeBrowserSession } from './session';
import { REPO_ROOT } from './paths';
import { packageVsix } from './vsix';
import {
  acceptQuickInput,
  activityBarItem,
  applyQuickFix,
  applySourceAction,
  clickViewAction,
  expandRow,
  filterProblems,
  goToPosition,
  launchBrowser,
  openComplianceView,
  openFile,
  openProblems,
  openWorkbench,
  packageRows,
  problemRows,
  problemsBadgeCount,
  problemsFilterCounts,
  quickFixTitles,
  quickPick,
  recordStatusBar,
  runCommand,
  sideBar,
  sourceActionTitles,
  statusBarHistory,
  statusBarItem,
  statusBarProblemCounts,
  treeRow,
} from './workbench';

const ARTIFACTS = join(REPO_ROOT, 'test-results', 'e2e');
const COPIES = 4;
const WORKSPACE_FOLDER = 'framework';
const SCORE = /gocomply \d+(\.\d+)?$/;
const INDEXING = /indexing|parsed \d+\/\d+|listing files/i;
/** The files the "Create <file>" fix has templates for (server/src/engine/fixes/templates.ts). */
const TEMPLATE_FILES = ['config.go', 'metrics.go', 'errors.go', 'test_utils.go', 'advanced_test.go', 'README.md'];
/** Rules the README's rule table marks "Quick fix: yes" besides the create-file ones. */
const README_FIXABLE = ['structure/missing-directory', 'otel/metric-name', 'otel/untraced-method', 'otel/span-not-ended', 'logging/no-otel-context', 'testing/missing-benchmarks'];

interface ReportDiagnostic {
  packageName: string;
  file: string;
  rule: string;
  severity: string;
  message: string;
  fix: string | undefined;
  line: number;
  column: number;
}

interface Report {
  packages: string[];
  diagnostics: ReportDiagnostic[];
}

interface Session {
  temp: string;
  root: string;
  profile: Profile;
  report?: Report;
  server?: RunningCodeServer;
  browser?: Browser;
  page?: Page;
  screenshots: string[];
  notes: string[];
  sawIndexing: string[];
  finalReport?: Report;
}

function requirePage(session: Session): Page {
  if (session.page === undefined) throw new Error('the workbench is not open');
  return session.page;
}

function requireReport(session: Session): Report {
  if (session.report === undefined) throw new Error('no report exported yet');
  return session.report;
}

async function screenshot(session: Session, name: string, target: 'page' | 'sidebar' = 'page'): Promise<void> {
  const path = join(ARTIFACTS, name);
  const page = requirePage(session);
  await (target === 'sidebar' ? sideBar(page).screenshot({ path }) : page.screenshot({ path }));
  session.screenshots.push(path);
}

/** ~20 framework packages: examples/ four times, committed so the compatibility baseline (HEAD) exists. */
function generateFramework(temp: string): string {
  const root = join(temp, WORKSPACE_FOLDER);
  const generated = generateWorkspace({ source: join(REPO_ROOT, 'examples'), out: root, copies: COPIES });
  const git = (...args: string[]) => {
    const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  };
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'framework');
  console.log(`  ${generated.goFiles} Go files in ${root}`);
  return root;
}

function parseReport(value: unknown): Report {
  const packages = field(value, 'packages');
  if (!Array.isArray(packages)) throw new Error('the report has no packages');
  const diagnostics: ReportDiagnostic[] = [];
  for (const pkg of packages) {
    const list = field(pkg, 'diagnostics');
    for (const d of Array.isArray(list) ? list : []) {
      const start = field(field(d, 'range'), 'start');
      const fix = field(d, 'fix');
      diagnostics.push({
        packageName: String(field(pkg, 'packageName')),
        file: String(field(d, 'file')),
        rule: String(field(d, 'rule')),
        severity: String(field(d, 'severity')),
        message: String(field(d, 'message')),
        fix: typeof fix === 'string' ? fix : undefined,
        line: Number(field(start, 'line')),
        column: Number(field(start, 'column')),
      });
    }
  }
  const top = field(value, 'diagnostics');
  if (Array.isArray(top) && top.length > 0) console.log(`  note: ${top.length} workspace-level diagnostics in the report`);
  return { packages: packages.map((pkg) => String(field(pkg, 'packageName'))).sort(), diagnostics };
}

// --- opening the framework ---------------------------------------------------

/** The activity-bar icon toggles: click it only when the tree is not already showing. */
async function showComplianceView(page: Page): Promise<void> {
  if (!(await sideBar(page).locator('[role="tree"][aria-label="Compliance"]').isVisible())) await openComplianceView(page);
}

async function checkOpenAndIndex(session: Session): Promise<void> {
  session.server = await startCodeServer(session.profile, session.root);
  session.browser = await launchBrowser();
  const opened = Date.now();
  const page = await openWorkbench(session.browser, session.server.url, session.root, recordStatusBar);
  session.page = page;
  // Whichever the status bar shows first: indexing (screenshot it) or already the score.
  const indexing = statusBarItem(page, INDEXING).first();
  const score = statusBarItem(page, SCORE).first();
  await indexing.or(score).first().waitFor({ timeout: 120_000 });
  if (await indexing.isVisible()) {
    // What a user sees who opens the gocomply view right away: the tree while it indexes.
    await activityBarItem(page).click();
    await sideBar(page).locator('.composite.title', { hasText: /gocomply/i }).waitFor();
    await screenshot(session, 'tryout-indexing.png');
    const still = await indexing.isVisible();
    const rows = (await packageRows(page)).length;
    const view = (await sideBar(page).innerText()).replace(/\s+/g, ' ').slice(0, 200);
    session.sawIndexing.push(`the gocomply view then showed "${view}"`);
    const bar = (await page.locator('.part.statusbar').innerText()).replace(/\s+/g, ' ');
    session.sawIndexing.push(`screenshot with the gocomply view open, ${still ? 'still indexing' : 'indexing already over'}: ${rows} package rows, status bar "${bar}"`);
  }
  await score.waitFor({ timeout: 120_000 });
  const seen = new Set<string>();
  for (const entry of await statusBarHistory(page)) {
    const parts = entry.text.match(/gocomply: [a-z]+|[\w.-]+: (?:listing files|parsed \d+\/\d+ Go files)/gi) ?? [];
    if (parts.some((part) => INDEXING.test(part))) seen.add(parts.join(' + '));
  }
  session.sawIndexing.push(...[...seen].map((text) => `"${text}"`));
  console.log(`  score shown ${Date.now() - opened} ms after the page opened: "${(await score.innerText()).trim()}"`);
  for (const line of session.sawIndexing) console.log(`  ${line}`);
}

async function checkTree(session: Session): Promise<void> {
  const page = requirePage(session);
  await showComplianceView(page);
  await treeRow(page, WORKSPACE_FOLDER).waitFor();
  const rows = await waitFor('the tree to list about twenty packages', async () => {
    const shown = await packageRows(page);
    return shown.length >= 16 ? shown : undefined;
  });
  console.log(`  the tree lists ${rows.length} packages; root row: "${(await treeRow(page, WORKSPACE_FOLDER).innerText()).replace(/\s+/g, ' ')}"`);
  const pkg = rows.find((row) => row.description.startsWith('NON_COMPLIANT'))?.label ?? rows[0]?.label;
  if (pkg !== undefined) {
    await expandRow(treeRow(page, pkg));
    await expandRow(treeRow(page, 'Structure').first());
  }
  await screenshot(session, 'tryout-tree.png', 'sidebar');
}

async function checkProblemsPanel(session: Session): Promise<void> {
  const page = requirePage(session);
  await openProblems(page);
  await waitFor('a count on the Problems tab', async () => ((await problemsBadgeCount(page).catch(() => 0)) > 0 ? true : undefined));
  await screenshot(session, 'tryout-problems.png');
  console.log(`  Problems tab: ${await problemsBadgeCount(page)}; status bar: ${JSON.stringify(await statusBarProblemCounts(page))}`);
}

/** Export Report → JSON from the Command Palette; the file is moved out of the workspace afterwards. */
async function exportReport(session: Session, keepAs: string): Promise<Report> {
  const page = requirePage(session);
  const target = join(session.root, 'gocomply-report.json');
  await runCommand(page, `gocomply: ${commandTitle('gocomply.exportReport')}`);
  await quickPick(page, 'JSON');
  await acceptQuickInput(page, /gocomply-report\.json$/);
  const report = await waitFor('the exported report on disk', () => (existsSync(target) ? parseJson(readFileSync(target, 'utf8')) : undefined));
  renameSync(target, join(session.temp, keepAs));
  return parseReport(report);
}

function severityCounts(report: Report): Record<string, number> {
  const names: Record<string, string> = { error: 'Errors', warning: 'Warnings', info: 'Infos' };
  const counts: Record<string, number> = {};
  for (const d of report.diagnostics) {
    const name = names[d.severity];
    if (name !== undefined) counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

async function statusTooltipDiagnostics(page: Page): Promise<number | undefined> {
  const label = (await statusBarItem(page, SCORE).first().getAttribute('aria-label')) ?? '';
  const match = /(\d+) diagnostics/.exec(label);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

async function compareWithReport(session: Session, report: Report): Promise<void> {
  const page = requirePage(session);
  const visible = report.diagnostics.filter((d) => d.severity !== 'hint' && d.severity !== 'off');
  const badge = await problemsBadgeCount(page);
  const bar = await statusBarProblemCounts(page);
  const expected = severityCounts(report);
  const tooltip = await statusTooltipDiagnostics(page);
  console.log(`  report: ${report.packages.length} packages, ${report.diagnostics.length} diagnostics ${JSON.stringify(expected)}; Problems tab ${badge}; status bar ${JSON.stringify(bar)}; gocomply status tooltip ${String(tooltip)}`);
  const problems: string[] = [];
  if (badge !== visible.length) problems.push(`the Problems tab counts ${badge}, the report has ${visible.length} diagnostics`);
  for (const [kind, count] of Object.entries(expected)) if ((bar[kind] ?? 0) !== count) problems.push(`the status bar counts ${bar[kind] ?? 0} ${kind}, the report ${count}`);
  if (tooltip !== undefined && tooltip !== report.diagnostics.length) problems.push(`the gocomply status tooltip says ${tooltip} diagnostics, the report ${report.diagnostics.length}`);
  if (problems.length > 0) throw new Error(problems.join('; '));
}

async function checkReportMatches(session: Session): Promise<void> {
  const page = requirePage(session);
  session.report = await exportReport(session, 'report-initial.json');
  await showComplianceView(page);
  const shown = (await packageRows(page)).map((row) => row.label).sort();
  if (JSON.stringify(shown) !== JSON.stringify(session.report.packages)) {
    throw new Error(`the tree shows ${JSON.stringify(shown)}, the report ${JSON.stringify(session.report.packages)}`);
  }
  await openProblems(page);
  await compareWithReport(session, session.report);
  // Per file, for a few files: the count the Problems panel shows under a path filter.
  const byFile = new Map<string, number>();
  for (const d of session.report.diagnostics) byFile.set(d.file, (byFile.get(d.file) ?? 0) + 1);
  const sample = [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 4);
  const mismatches: string[] = [];
  for (const [file, count] of sample) {
    await filterProblems(page, `**/${file}`);
    const shown = await waitFor(`the Problems filter for ${file}`, () => problemsFilterCounts(page));
    if (shown[0] !== count) mismatches.push(`${file}: Problems shows ${shown[0]}, the report ${count}`);
  }
  await filterProblems(page, '');
  console.log(`  per file (Problems filter vs report): ${sample.map(([file, count]) => `${file} ${count}`).join(', ')}`);
  if (mismatches.length > 0) throw new Error(mismatches.join('; '));
}

// --- quick fixes ---------------------------------------------------------------

interface FixTarget {
  packageName: string;
  anchor: string;
  line: number;
  column: number;
  /** Fixable diagnostics of the anchor: `fix` is "Create <template file>". */
  fixable: ReportDiagnostic[];
}

function createdName(d: ReportDiagnostic): string | undefined {
  const name = /^Create (\S+)$/.exec(d.fix ?? '')?.[1];
  return name !== undefined && TEMPLATE_FILES.includes(name) && (d.rule === 'structure/missing-file' || d.rule === 'otel/missing-metrics') ? name : undefined;
}

/** One anchor file per package family (llms, voice/stt, …), each from another copy; one more for Fix all. */
function chooseTargets(report: Report): { quickFix: FixTarget[]; fixAll: FixTarget | undefined } {
  const byAnchor = new Map<string, FixTarget>();
  for (const d of report.diagnostics) {
    if (createdName(d) === undefined) continue;
    const target = byAnchor.get(d.file) ?? { packageName: d.packageName, anchor: d.file, line: d.line, column: d.column, fixable: [] };
    target.fixable.push(d);
    byAnchor.set(d.file, target);
  }
  const families = new Map<string, FixTarget[]>();
  for (const target of [...byAnchor.values()].sort((a, b) => a.packageName.localeCompare(b.packageName))) {
    const family = target.packageName.replace(/\d+/g, '');
    families.set(family, [...(families.get(family) ?? []), target]);
  }
  const quickFix: FixTarget[] = [];
  let fixAll: FixTarget | undefined;
  [...families.values()].forEach((members, index) => {
    const chosen = members[index % members.length];
    if (chosen !== undefined) quickFix.push(chosen);
    const other = members[(index + 1) % members.length];
    if (fixAll === undefined && other !== undefined && other !== chosen && new Set(other.fixable.map(createdName)).size > 1) fixAll = other;
  });
  return { quickFix: quickFix.filter((target) => target !== fixAll), fixAll };
}

/** The text typed into the Problems filter to find a diagnostic: its message up to the first comma. */
function filterText(message: string): string {
  return message.split(',')[0]?.slice(0, 70).trim() ?? message;
}

async function expectProblemShown(page: Page, message: string): Promise<void> {
  await filterProblems(page, filterText(message));
  await problemRows(page, filterText(message)).first().waitFor({ timeout: 30_000 });
}

async function expectProblemGone(page: Page, message: string): Promise<void> {
  await filterProblems(page, filterText(message));
  await waitFor(`"${filterText(message)}" to leave the Problems panel`, async () => {
    const counts = await problemsFilterCounts(page);
    return counts?.[0] === 0 && (await problemRows(page, filterText(message)).count()) === 0 ? true : undefined;
  });
}

/** Waits for each diagnostic to leave the Problems panel; fails naming all that stayed. */
async function expectAllGone(page: Page, diagnostics: ReportDiagnostic[]): Promise<void> {
  const stayed: string[] = [];
  for (const d of diagnostics) {
    await expectProblemGone(page, d.message).catch(() => stayed.push(`${d.rule} "${filterText(d.message)}…" (${d.file}:${d.line})`));
  }
  if (stayed.length > 0) throw new Error(`still in the Problems panel 30 s after the file was created: ${stayed.join('; ')}`);
}

function goPackageOf(root: string, anchor: string): string {
  const clause = /^package\s+(\w+)/m.exec(readFileSync(join(root, anchor), 'utf8'))?.[1];
  if (clause === undefined) throw new Error(`${anchor} has no package clause`);
  return clause;
}

/** On disk, with the package's clause (Go) or name (README), and gofmt-clean. */
async function expectCreated(session: Session, rel: string, goPackage: string): Promise<void> {
  const path = join(session.root, rel);
  const want = rel.endsWith('.go') ? `package ${goPackage}` : goPackage;
  await waitFor(`${rel} on disk with "${want}"`, () => (existsSync(path) && readFileSync(path, 'utf8').includes(want) ? true : undefined));
  if (!rel.endsWith('.go')) return;
  const gofmt = spawnSync('gofmt', ['-l', path], { encoding: 'utf8' });
  if (gofmt.status !== 0 || gofmt.stdout.trim() !== '') throw new Error(`gofmt -l does not accept ${rel}: ${gofmt.stdout}${gofmt.stderr}`);
}

const CREATE_TITLE = /^Create (\S+) from the gocomply template$/;

/** Ctrl+. at the target; when nothing shows within 20 s, a screenshot and a note, then a second Ctrl+. as a user would. */
async function lightbulbAt(page: Page, target: FixTarget, session?: Session): Promise<string[]> {
  await openFile(page, target.anchor);
  await goToPosition(page, target.line, target.column);
  try {
    return await quickFixTitles(page, 20_000);
  } catch (error) {
    if (session === undefined) throw error;
    const name = `tryout-lightbulb-nothing-${session.screenshots.length}.png`;
    await screenshot(session, name);
    const bar = (await page.locator('.part.statusbar').innerText()).replace(/\s+/g, ' ');
    session.notes.push(`Ctrl+. on ${target.anchor}:${target.line}:${target.column} showed neither a menu nor "No code actions" for 20 s (${name}; status bar "${bar}"); pressed again`);
    await page.keyboard.press('Escape');
    await goToPosition(page, target.line, target.column);
    return quickFixTitles(page);
  }
}

/** Every Go file below the package folder, after Save All, is gofmt-clean. */
async function expectPackageGofmtClean(session: Session, packageDir: string): Promise<void> {
  const page = requirePage(session);
  await runCommand(page, 'File: Save All Files');
  await page.locator('.part.editor .tab.dirty').first().waitFor({ state: 'detached' });
  const gofmt = spawnSync('gofmt', ['-l', join(session.root, packageDir)], { encoding: 'utf8' });
  if (gofmt.status !== 0 || gofmt.stdout.trim() !== '') throw new Error(`gofmt -l does not accept ${packageDir}: ${gofmt.stdout}${gofmt.stderr}`);
}

/** A fix that is not "Create <file>" (iface/, spans, renames): applied from the lightbulb, then the package is gofmt-clean. */
async function applyOtherQuickFix(session: Session, target: FixTarget, title: string): Promise<string> {
  const page = requirePage(session);
  await openFile(page, target.anchor);
  await goToPosition(page, target.line, target.column);
  await applyQuickFix(page, new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expectPackageGofmtClean(session, dirname(target.anchor));
  return `"${title}" applied, ${dirname(target.anchor)} gofmt-clean`;
}

/** Compares what the lightbulb offers with the report, then applies the first offer; returns the rest. */
async function applyNextQuickFix(session: Session, target: FixTarget, offered: string[]): Promise<string> {
  const page = requirePage(session);
  const title = offered[0];
  if (title === undefined) throw new Error('no quick fix to apply');
  const rel = CREATE_TITLE.exec(title)?.[1];
  if (rel === undefined) return applyOtherQuickFix(session, target, title);
  const name = basename(rel);
  if (dirname(rel) !== dirname(target.anchor)) throw new Error(`"${title}" creates the file outside the package folder ${dirname(target.anchor)}`);
  const clears = target.fixable.filter((d) => createdName(d) === name);
  if (clears.length === 0) throw new Error(`"${title}" is offered but the report has no diagnostic asking for ${name}`);
  for (const d of clears) await expectProblemShown(page, d.message);
  await openFile(page, target.anchor);
  await goToPosition(page, target.line, target.column);
  await applyQuickFix(page, new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expectCreated(session, rel, goPackageOf(session.root, target.anchor));
  await expectAllGone(page, clears);
  return `${rel} created, gofmt-clean, ${clears.map((d) => d.rule).join(' + ')} gone`;
}

async function checkQuickFixesOffered(session: Session, target: FixTarget): Promise<string[]> {
  const page = requirePage(session);
  const offered = await lightbulbAt(page, target, session);
  const expected = [...new Set(target.fixable.map(createdName))].map((name) => `Create ${dirname(target.anchor)}/${name} from the gocomply template`).sort();
  console.log(`  lightbulb on ${target.anchor}:${target.line}: ${JSON.stringify(offered)}`);
  // Other fixes of the anchor (iface/, spans) are offered too; this check is about the Create ones.
  const unexpected = offered.filter((title) => CREATE_TITLE.test(title) && !expected.includes(title));
  const missing = expected.filter((title) => !offered.includes(title));
  if (unexpected.length > 0 || missing.length > 0) throw new Error(`offered ${JSON.stringify(offered)}, expected ${JSON.stringify(expected)}`);
  return offered;
}

async function checkFixAll(session: Session, target: FixTarget): Promise<void> {
  const page = requirePage(session);
  await openFile(page, target.anchor);
  const offered = await sourceActionTitles(page);
  const names = [...new Set(target.fixable.map(createdName))].filter((name): name is string => name !== undefined);
  console.log(`  Source Action… on ${target.anchor}: ${JSON.stringify(offered)}`);
  const fixAll = offered.find((title) => /^Apply \d+ gocomply fix(es)?$/.test(title));
  if (fixAll === undefined) throw new Error(`no "Apply N gocomply fixes" source action among ${JSON.stringify(offered)}`);
  const count = Number(/\d+/.exec(fixAll)?.[0]);
  if (count < names.length) throw new Error(`"${fixAll}" but the report asks for ${names.length} files: ${names.join(', ')}`);
  for (const d of target.fixable) await expectProblemShown(page, d.message);
  await openFile(page, target.anchor);
  await applySourceAction(page, new RegExp(`^${fixAll}$`));
  const goPackage = goPackageOf(session.root, target.anchor);
  for (const name of names) await expectCreated(session, `${dirname(target.anchor)}/${name}`, goPackage);
  await expectAllGone(page, target.fixable);
  const after = await lightbulbAt(page, target, session);
  if (after.some((title) => CREATE_TITLE.test(title))) throw new Error(`after Fix all the lightbulb still offers ${JSON.stringify(after)}`);
  console.log(`  created ${names.join(', ')}; the lightbulb now offers ${JSON.stringify(after)}`);
}

/** Not a check: which README-"fixable" rules offer anything in the lightbulb today. */
async function probeReadmeFixes(session: Session): Promise<void> {
  const page = requirePage(session);
  const report = requireReport(session);
  for (const rule of README_FIXABLE) {
    const d = report.diagnostics.find((candidate) => candidate.rule === rule && existsSync(join(session.root, candidate.file)));
    if (d === undefined) {
      session.notes.push(`${rule}: no diagnostic in this workspace to try`);
      continue;
    }
    await openFile(page, d.file);
    await goToPosition(page, d.line, d.column);
    const offered = await quickFixTitles(page);
    const forRule = offered.filter((title) => !CREATE_TITLE.test(title));
    session.notes.push(`${rule} (README: quick fix yes) at ${d.file}:${d.line}:${d.column}: lightbulb offers ${forRule.length > 0 ? JSON.stringify(forRule) : 'nothing for it'}${offered.length > forRule.length ? ` (plus ${offered.length - forRule.length} Create fixes of other diagnostics there)` : ''}`);
  }
}

/**
 * Not a check: Ctrl+. as soon as a file is opened for the first time (Quick Open, Go to Line, Ctrl+.), on anchors
 * no step touched yet; what shows within 10 s: the menu, "No code actions available", or nothing.
 */
async function probeFirstOpen(session: Session, touched: Set<string>): Promise<void> {
  const page = requirePage(session);
  const report = requireReport(session);
  const anchors = [...new Map(report.diagnostics.filter((d) => createdName(d) !== undefined && !touched.has(d.file)).map((d) => [d.file, d])).values()].slice(0, 8);
  const outcomes: string[] = [];
  for (const d of anchors) {
    await openFile(page, d.file);
    await goToPosition(page, d.line, d.column);
    const started = Date.now();
    const outcome = await quickFixTitles(page, 10_000).then(
      (titles) => (titles.length > 0 ? `menu with ${titles.length}` : '"No code actions available"'),
      async () => {
        await page.keyboard.press('Escape');
        return 'nothing for 10 s';
      },
    );
    outcomes.push(`${d.file}: ${outcome} (${Date.now() - started} ms)`);
  }
  session.notes.push(`Ctrl+. right after the first open of a file: ${outcomes.join('; ')}`);
}

// --- after the fixes -------------------------------------------------------------

/** The CLI's audit of the files on disk (dist/cli.js, built by `npm run package`), without the fact cache. */
function auditOnDisk(session: Session, name: string): Report {
  const out = join(session.temp, name);
  const result = spawnSync('node', [join(REPO_ROOT, 'dist', 'cli.js'), session.root, '--no-cache', '--out', out], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the CLI exited with ${String(result.status)}: ${result.stderr}`);
  return parseReport(parseJson(readFileSync(out, 'utf8')));
}

function diagnosticKeys(report: Report): Set<string> {
  return new Set(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`));
}

function difference(a: Report, b: Report): string[] {
  const keysOfB = diagnosticKeys(b);
  return [...diagnosticKeys(a)].filter((key) => !keysOfB.has(key));
}

async function checkFinalCounts(session: Session): Promise<void> {
  const page = requirePage(session);
  await filterProblems(page, '');
  await statusBarItem(page, SCORE).first().waitFor();
  const report = await exportReport(session, 'report-final.json');
  session.finalReport = report;
  await waitFor('the Problems panel to settle on the report', async () => {
    try {
      await compareWithReport(session, report);
      return true;
    } catch {
      return undefined;
    }
  }).catch(() => compareWithReport(session, report));
  const before = requireReport(session).diagnostics.length;
  console.log(`  diagnostics: ${before} before the fixes, ${report.diagnostics.length} after`);
  await showComplianceView(page);
  await screenshot(session, 'tryout-after-fixes.png');
}

async function checkMatchesDisk(session: Session): Promise<void> {
  const editor = session.finalReport;
  if (editor === undefined) throw new Error('no final report');
  const disk = auditOnDisk(session, 'report-cli.json');
  const stale = difference(editor, disk);
  const missing = difference(disk, editor);
  console.log(`  the editor reports ${editor.diagnostics.length} diagnostics, the CLI on the same files ${disk.diagnostics.length}`);
  if (stale.length > 0 || missing.length > 0) {
    throw new Error([...stale.map((key) => `only in the editor: ${key}`), ...missing.map((key) => `only in the CLI: ${key}`)].join('\n'));
  }
}

async function checkReindex(session: Session): Promise<void> {
  const page = requirePage(session);
  const disk = auditOnDisk(session, 'report-cli-2.json');
  await showComplianceView(page);
  await clickViewAction(page, commandTitle('gocomply.refresh'));
  await waitFor(`the Problems tab to count the CLI's ${disk.diagnostics.length}`, async () => ((await problemsBadgeCount(page)) === disk.diagnostics.length ? true : undefined), 60_000).catch(async () => {
    throw new Error(`after Re-index the Problems tab counts ${await problemsBadgeCount(page)}, the CLI ${disk.diagnostics.length}`);
  });
  await statusBarItem(page, SCORE).first().waitFor();
}

/** Developer: Set Log Level… → gocomply → Trace, so the client logs the LSP messages (with TRYOUT_TRACE set). */
async function traceChannel(session: Session): Promise<void> {
  const page = requirePage(session);
  await runCommand(page, 'Developer: Set Log Level...');
  await page.locator('.quick-input-widget input').fill('gocomply');
  await quickPick(page, 'gocomply');
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: /^Trace/ }).first().click();
  await waitFor('a trace line in the gocomply log', () => (/\[trace\]/.test(readLogs(session).channel) ? true : undefined));
}

function readLogs(session: Session): { channel: string; problems: string[] } {
  const logsDir = join(session.profile.userDataDir, 'logs');
  const files = existsSync(logsDir) ? readdirSync(logsDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)) : [];
  const channel = files.filter((file) => /gocomply\.gocomply[/\\].*\.log$/.test(file)).map((file) => readFileSync(file, 'utf8')).join('\n');
  const exthost = files.filter((file) => file.endsWith('remoteexthost.log')).map((file) => readFileSync(file, 'utf8')).join('\n');
  const problems = [
    ...channel.split('\n').filter((line) => /\[(error|warning)\]/i.test(line)),
    ...exthost.split('\n').filter((line) => /\[(error|warning)\]/i.test(line) && /gocomply/i.test(line)),
  ];
  return { channel, problems };
}

async function checkLogs(session: Session): Promise<void> {
  const { channel, problems } = readLogs(session);
  console.log(`  gocomply output channel: ${channel.trim() === '' ? '(empty)' : `${channel.trim().split('\n').length} lines`}`);
  for (const line of channel.trim().split('\n').slice(-15)) if (line !== '') console.log(`    | ${line}`);
  if (problems.length > 0) throw new Error(`errors or warnings logged:\n${problems.join('\n')}`);
}

async function closeSession(session: Session, failed: boolean): Promise<void> {
  if (failed && session.page !== undefined) session.screenshots.push(join(ARTIFACTS, 'tryout-failure.png'));
  await closeBrowserSession(session, failed, join(ARTIFACTS, 'tryout-failure.png'));
}

export async function main(): Promise<number> {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const file of readdirSync(ARTIFACTS)) if (file.startsWith('tryout-')) rmSync(join(ARTIFACTS, file));
  // Independent groups: a failure skips the rest of its group only (Checks skips what builds on a failure).
  const groups: Checks[] = [];
  const group = (): Checks => {
    const checks = new Checks();
    groups.push(checks);
    return checks;
  };
  const temp = makeTempDir();
  const session: Session = { temp, root: generateFramework(temp), profile: createProfile(temp), screenshots: [], notes: [], sawIndexing: [] };
  if (process.env['TRYOUT_TRACE'] !== undefined) {
    // Diagnosis only: the language client logs the LSP traffic into the gocomply output channel.
    const settingsFile = join(session.profile.userDataDir, 'User', 'settings.json');
    const settings = parseJson(readFileSync(settingsFile, 'utf8'));
    writeFileSync(settingsFile, JSON.stringify({ ...(typeof settings === 'object' && settings !== null ? settings : {}), 'gocomply.trace.server': 'verbose' }, null, 2));
  }
  try {
    const setup = group();
    await setup.check('code-server is installed (code-server-setup.sh)', async () => console.log(`  ${setupCodeServer()}`));
    await setup.check('npm run package builds the VSIX, and it installs into code-server', async () => {
      const output = installExtension(session.profile, packageVsix());
      if (!/successfully installed/i.test(output)) throw new Error(output);
    });
    await setup.check(`the framework (${COPIES} copies of examples/) opens, indexes and the status bar shows the score`, () => checkOpenAndIndex(session));
    if (process.env['TRYOUT_TRACE'] !== undefined) await setup.check('(diagnosis) the gocomply output channel logs at Trace', () => traceChannel(session));
    await setup.check('the gocomply tree lists the packages (screenshot)', () => checkTree(session));
    await setup.check('the Problems panel fills (screenshot)', () => checkProblemsPanel(session));
    await setup.check("the exported JSON report has the tree's packages and the Problems panel's counts", () => checkReportMatches(session));
    if (!setup.failedAny) {
      const { quickFix, fixAll } = chooseTargets(requireReport(session));
      const touched = new Set([...quickFix, ...(fixAll === undefined ? [] : [fixAll])].map((target) => target.anchor));
      await probeFirstOpen(session, touched).catch((error: unknown) => session.notes.push(`probing Ctrl+. after the first open failed: ${String(error)}`));
      for (const target of quickFix) {
        const checks = group();
        let offered: string[] = [];
        await checks.check(`the lightbulb on ${target.anchor} offers one "Create" per missing file`, async () => {
          offered = await checkQuickFixesOffered(session, target);
        });
        for (let round = 0; offered.length > 0 && !checks.failedAny && round <= TEMPLATE_FILES.length; round += 1) {
          const next = offered[0] ?? '';
          await checks.check(`quick fix "${next}" works`, async () => {
            offered = [];
            console.log(`  ${await applyNextQuickFix(session, target, [next])}`);
            offered = await lightbulbAt(requirePage(session), target, session);
            if (offered.includes(next)) throw new Error(`"${next}" is still offered after it was applied`);
          });
        }
      }
      if (fixAll !== undefined) {
        await group().check(`Source Action… "Apply N gocomply fixes" on ${fixAll.anchor} creates them all`, () => checkFixAll(session, fixAll));
      }
      const final = group();
      await final.check('after the fixes the Problems panel matches a freshly exported report (screenshot)', () => checkFinalCounts(session));
      await final.check("the editor's diagnostics match a CLI audit of the files on disk", () => checkMatchesDisk(session));
      await group().check('Re-index Workspace brings the Problems panel in line with the files on disk', () => checkReindex(session));
      await probeReadmeFixes(session).catch((error: unknown) => session.notes.push(`probing README fixes failed: ${String(error)}`));
    }
    await group().check('the gocomply output channel and the extension host log show no error', () => checkLogs(session));
  } finally {
    await closeSession(session, groups.some((checks) => checks.failedAny));
  }
  console.log('');
  console.log(`indexing progress seen: ${session.sawIndexing.length > 0 ? session.sawIndexing.join(', ') : 'not seen (indexing finished before the status bar was read)'}`);
  for (const note of session.notes) console.log(`note: ${note}`);
  console.log('screenshots:');
  for (const path of session.screenshots) console.log(`  ${path}`);
  const totals = [0, 0, 0];
  for (const checks of groups) {
    const counts = /(\d+) passed, (\d+) failed, (\d+) skipped/.exec(checks.summary())?.slice(1).map(Number) ?? [];
    counts.forEach((count, index) => (totals[index] = (totals[index] ?? 0) + count));
  }
  console.log(`${totals[0] ?? 0} passed, ${totals[1] ?? 0} failed, ${totals[2] ?? 0} skipped`);
  return groups.some((checks) => checks.failedAny) ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
