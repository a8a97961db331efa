// The end-to-end checks in a real VS Code (code-server 1.139) with the packaged
// VSIX installed, in the order a user meets them: the tree lists the fixture's
// packages (screenshot kept in test-results/e2e/), a missing-file quick fix
// applied through the UI creates the file on disk, then export, filter, restart.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Checks, waitFor } from './harness';
import { createProfile, installExtension, setupCodeServer, startCodeServer, type Profile, type RunningCodeServer } from './codeServer';
import { makeTempDir, prepareWorkspace, WORKSPACE_NAME, type Workspace } from './fixture';
import { commandTitle, field, parseJson } from './json';
import { closeBrowserSession } from './session';
import { REPO_ROOT } from './paths';
import { packageVsix, vsixEntries } from './vsix';
import { languageServerPids } from './processes';
import {
  acceptQuickInput,
  activeEditorTab,
  applyQuickFix,
  applyRefactorPreview,
  clickViewAction,
  cursorLine,
  expandRow,
  goToPosition,
  launchBrowser,
  openFile,
  openComplianceView,
  openWorkbench,
  packageRows,
  quickPick,
  runCommand,
  runRowMenuItem,
  sideBar,
  statusBarItem,
  treeRow,
} from './workbench';

const ARTIFACTS = join(REPO_ROOT, 'test-results', 'e2e');
const REQUIRED_IN_VSIX = [
  'extension/package.json',
  'extension/dist/client.js',
  'extension/dist/server.js',
  'extension/dist/worker.js',
  'extension/dist/gocomply.schema.json',
  'extension/grammars/tree-sitter-go.wasm',
  'extension/grammars/web-tree-sitter.wasm',
  'extension/media/gocomply.svg',
  'extension/media/icon.png',
];

interface Session {
  temp: string;
  profile: Profile;
  workspace: Workspace;
  vsix?: string;
  server?: RunningCodeServer;
  browser?: Browser;
  page?: Page;
}

function requirePage(session: Session): Page {
  if (session.page === undefined) throw new Error('the workbench is not open');
  return session.page;
}

async function checkPackaging(session: Session): Promise<void> {
  const vsix = packageVsix();
  const entries = vsixEntries(vsix);
  const missing = REQUIRED_IN_VSIX.filter((entry) => !entries.includes(entry));
  if (missing.length > 0) throw new Error(`the VSIX lacks ${missing.join(', ')}`);
  if (!entries.some((entry) => entry.startsWith('extension/grammars/queries/') && entry.endsWith('.scm'))) throw new Error('the VSIX has no grammar queries');
  const unwanted = entries.filter((entry) => /^extension\/(client|server|test|node_modules|common|scripts)\//.test(entry) || entry.endsWith('.map'));
  if (unwanted.length > 0) throw new Error(`the VSIX holds files the allow-list should keep out: ${unwanted.join(', ')}`);
  session.vsix = vsix;
}

async function checkInstall(session: Session): Promise<void> {
  const output = installExtension(session.profile, session.vsix ?? '');
  if (!/successfully installed/i.test(output)) throw new Error(`unexpected install output:\n${output}`);
}

async function checkTreeListsPackages(session: Session): Promise<void> {
  session.server = await startCodeServer(session.profile, session.workspace.root);
  session.browser = await launchBrowser();
  const page = await openWorkbench(session.browser, session.server.url, session.workspace.root);
  session.page = page;
  await openComplianceView(page);
  await treeRow(page, WORKSPACE_NAME).waitFor();
  for (const name of session.workspace.packages) await treeRow(page, name).waitFor();
  const shown = (await packageRows(page)).map((row) => row.label).sort();
  if (JSON.stringify(shown) !== JSON.stringify(session.workspace.packages)) {
    throw new Error(`the tree shows packages ${JSON.stringify(shown)}, the fixture has ${JSON.stringify(session.workspace.packages)}`);
  }
}

async function waitForPackageRows(page: Page, labels: string[]): Promise<void> {
  const wanted = JSON.stringify([...labels].sort());
  await waitFor(`the tree to show ${wanted}`, async () => (JSON.stringify((await packageRows(page)).map((row) => row.label).sort()) === wanted ? true : undefined));
}

async function checkFilter(session: Session): Promise<void> {
  const page = requirePage(session);
  const all = await packageRows(page);
  const nonCompliant = all.filter((row) => !row.description.startsWith('FULL')).map((row) => row.label);
  if (nonCompliant.length === all.length) throw new Error('no FULL package in the workspace: the filter would hide nothing');
  await clickViewAction(page, commandTitle('gocomply.filterNonCompliant'));
  await waitForPackageRows(page, nonCompliant);
  await clickViewAction(page, commandTitle('gocomply.clearFilter'));
  await waitForPackageRows(page, all.map((row) => row.label));
}

async function checkRestart(session: Session): Promise<void> {
  const page = requirePage(session);
  const before = languageServerPids(session.profile.extensionsDir);
  if (before.length !== 1) throw new Error(`expected one language server process, found ${JSON.stringify(before)}`);
  await runCommand(page, `gocomply: ${commandTitle('gocomply.restartServer')}`);
  await waitFor('a new language server process', () => {
    const now = languageServerPids(session.profile.extensionsDir);
    return now.length === 1 && now[0] !== before[0] ? true : undefined;
  });
  await waitForPackageRows(page, session.workspace.packages);
  await statusBarItem(page, /gocomply \d+(\.\d+)?$/).waitFor();
}

async function checkStatusBarScore(session: Session): Promise<void> {
  await statusBarItem(requirePage(session), /gocomply \d+(\.\d+)?$/).waitFor();
}

async function screenshotTree(session: Session): Promise<void> {
  const page = requirePage(session);
  const { packageName } = session.workspace.missingFileCase;
  await expandRow(treeRow(page, packageName));
  await expandRow(treeRow(page, 'Structure'));
  await treeRow(page, basename(session.workspace.missingFileCase.missingFile)).waitFor();
  await sideBar(page).screenshot({ path: join(ARTIFACTS, 'tree.png') });
  console.log(`  screenshot: ${join(ARTIFACTS, 'tree.png')}`);
}

async function checkRevealAnchor(session: Session): Promise<void> {
  const page = requirePage(session);
  const { anchorFile, missingFile, packageClauseLine } = session.workspace.missingFileCase;
  await treeRow(page, basename(missingFile)).locator('.label-name').click();
  await activeEditorTab(page).filter({ hasText: basename(anchorFile) }).waitFor();
  await waitFor(`the cursor on line ${packageClauseLine}`, async () => ((await cursorLine(page)) === packageClauseLine ? true : undefined));
}

async function checkQuickFixCreatesFile(session: Session): Promise<void> {
  const page = requirePage(session);
  const { missingFile, packageName } = session.workspace.missingFileCase;
  const target = join(session.workspace.root, missingFile);
  await page.locator('.part.editor .squiggly-warning').first().waitFor();
  await applyQuickFix(page, new RegExp(`^Create (?:\\S*/)?${basename(missingFile).replace('.', '\\.')}\\b`));
  await waitFor(`${missingFile} on disk with its package clause`, () => {
    return existsSync(target) && readFileSync(target, 'utf8').includes(`package ${packageName}`) ? true : undefined;
  });
}

async function checkTreeUpdates(session: Session): Promise<void> {
  const page = requirePage(session);
  const row = treeRow(page, basename(session.workspace.missingFileCase.missingFile));
  await row.locator('.label-description', { hasText: 'missing' }).waitFor({ state: 'detached' });
  await page.screenshot({ path: join(ARTIFACTS, 'after-fix.png') });
}

async function saveAll(page: Page): Promise<void> {
  await runCommand(page, 'File: Save All Files');
  await page.locator('.part.editor .tab.dirty').first().waitFor({ state: 'detached' });
}

async function checkAddSpanQuickFix(session: Session): Promise<void> {
  const page = requirePage(session);
  const { file, line, column, method, spanName } = session.workspace.spanCase;
  const target = join(session.workspace.root, file);
  await openFile(page, file);
  await goToPosition(page, line, column);
  await page.locator('.part.editor .squiggly-info').first().waitFor();
  await applyQuickFix(page, new RegExp(`^Add a span to ${method.replace('.', '\\.')}$`));
  const started = `.Start(ctx, ${JSON.stringify(spanName)})`;
  // Monaco renders spaces as no-break spaces: look for the span name alone.
  await page.locator('.part.editor .view-line', { hasText: JSON.stringify(spanName) }).waitFor();
  await saveAll(page);
  await waitFor(`${file} on disk starting span ${spanName}`, () => (readFileSync(target, 'utf8').includes(started) ? true : undefined));
  if (!readFileSync(target, 'utf8').includes('defer span.End()')) throw new Error(`${file}: the span is not ended`);
}

async function checkAlignPackage(session: Session): Promise<void> {
  const page = requirePage(session);
  const { packageName, packageDir, missingFiles } = session.workspace.alignCase;
  // The compliance view is still open from the checks before (clicking its icon again would close it).
  await runRowMenuItem(treeRow(page, packageName), commandTitle('gocomply.alignPackage'));
  await applyRefactorPreview(page, join(ARTIFACTS, 'refactor-preview.png'));
  await saveAll(page);
  const paths = missingFiles.map((name) => join(session.workspace.root, packageDir, name));
  await waitFor(`${missingFiles.join(', ')} written in ${packageDir}`, () =>
    paths.every((file) => existsSync(file) && readFileSync(file, 'utf8').length > 0) ? true : undefined,
  );
  await page.screenshot({ path: join(ARTIFACTS, 'after-align.png') });
}

async function checkExportReport(session: Session): Promise<void> {
  const page = requirePage(session);
  const target = join(session.workspace.root, 'gocomply-report.json');
  await runCommand(page, `gocomply: ${commandTitle('gocomply.exportReport')}`);
  await quickPick(page, 'JSON');
  await acceptQuickInput(page, /gocomply-report\.json$/);
  const report = await waitFor('the exported report on disk', () => (existsSync(target) ? parseJson(readFileSync(target, 'utf8')) : undefined));
  const names = field(report, 'packages');
  const packageNames = Array.isArray(names) ? names.map((pkg) => String(field(pkg, 'packageName'))).sort() : [];
  if (JSON.stringify(packageNames) !== JSON.stringify(session.workspace.packages)) throw new Error(`the report lists ${JSON.stringify(packageNames)}`);
}

async function closeSession(session: Session, failed: boolean): Promise<void> {
  await closeBrowserSession(session, failed, join(ARTIFACTS, 'failure.png'));
}

export async function main(): Promise<number> {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const checks = new Checks();
  const temp = makeTempDir();
  const session: Session = { temp, profile: createProfile(temp), workspace: prepareWorkspace(temp) };
  try {
    await checks.check('code-server, Node 24 and chromium are installed (code-server-setup.sh)', async () => console.log(`  ${setupCodeServer()}`));
    await checks.check('npm run package builds a VSIX with the bundles, both wasm files and the queries, and nothing else', () => checkPackaging(session));
    await checks.check('the VSIX installs into code-server', () => checkInstall(session));
    await checks.check('the gocomply view lists the packages of the fixture modules', () => checkTreeListsPackages(session));
    await checks.check('the status bar shows the workspace score', () => checkStatusBarScore(session));
    await checks.check('the tree shows the package areas and the missing file (screenshot)', () => screenshotTree(session));
    await checks.check('a click on the missing file opens the anchor file at its package clause', () => checkRevealAnchor(session));
    await checks.check('the quick fix "Create <file>" applied with Ctrl+. creates the file on disk', () => checkQuickFixCreatesFile(session));
    await checks.check('the tree no longer lists the file as missing', () => checkTreeUpdates(session));
    await checks.check('the lightbulb on an untraced method offers "Add a span to <Type>.<Method>", and it writes the span', () => checkAddSpanQuickFix(session));
    await checks.check('Align Package from the tree menu opens the refactor preview; Apply writes the missing files', () => checkAlignPackage(session));
    await checks.check('Export Report (JSON) from the Command Palette writes the report', () => checkExportReport(session));
    await checks.check('the toolbar filter hides the FULL packages, and shows them again', () => checkFilter(session));
    await checks.check('Restart Language Server starts a new server and the tree comes back', () => checkRestart(session));
  } finally {
    await closeSession(session, checks.failedAny);
  }
  console.log(checks.summary());
  return checks.failedAny ? 1 : 0;
}
