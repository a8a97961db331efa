// Driving the VS Code workbench in headless Debian chromium with
// playwright-core: every step waits on what the UI shows, never on time.
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { waitFor } from './harness';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const UI_TIMEOUT_MS = 60_000;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** `beforeLoad` runs on the new page before it navigates (to install init scripts such as `recordStatusBar`). */
export async function openWorkbench(browser: Browser, url: string, folder: string, beforeLoad?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  await beforeLoad?.(page);
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor();
  return page;
}

/** The activity-bar entry of the gocomply view container (its title). */
export function activityBarItem(page: Page): Locator {
  return page.locator('.part.activitybar [aria-label="gocomply"]').first();
}

export function sideBar(page: Page): Locator {
  return page.locator('.part.sidebar');
}

/** A row of the compliance tree whose label is exactly `label`. */
export function treeRow(page: Page, label: string): Locator {
  return sideBar(page).locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
}

export interface PackageRow {
  label: string;
  description: string;
}

/** The package rows shown (second level, described "STATUS · score"). */
export async function packageRows(page: Page): Promise<PackageRow[]> {
  // Read in one pass over the DOM: the tree re-renders as analyses arrive, and a row read later may be gone.
  const shown = await sideBar(page)
    .locator('.monaco-list-row[aria-level="2"]')
    .evaluateAll((rows) =>
      rows.map((row) => ({
        label: row.querySelector('.label-name')?.textContent ?? '',
        description: [...row.querySelectorAll('.label-description')].map((d) => d.textContent ?? '').join(''),
      })),
    );
  return shown.filter((row) => /^(FULL|PARTIAL|NON_COMPLIANT) · /.test(row.description));
}

/** Clicks a button of the view's title bar, by its command title. */
export async function clickViewAction(page: Page, title: string): Promise<void> {
  await sideBar(page).locator(`.title-actions [aria-label="${title}"]`).click();
}

export async function openComplianceView(page: Page): Promise<void> {
  await activityBarItem(page).click();
  await sideBar(page).locator('[role="tree"][aria-label="Compliance"]').waitFor();
}

/** Expands a collapsed row by its twistie (a click on the label runs the row's command). */
export async function expandRow(row: Locator): Promise<void> {
  if ((await row.getAttribute('aria-expanded')) === 'true') return;
  await row.locator('.monaco-tl-twistie').click();
  await row.and(row.page().locator('[aria-expanded="true"]')).waitFor();
}

export function statusBarItem(page: Page, text: RegExp): Locator {
  return page.locator('.part.statusbar .statusbar-item').filter({ hasText: text });
}

/** The cursor position the status bar shows ("Ln 3, Col 9"). */
export async function cursorLine(page: Page): Promise<number> {
  const text = await statusBarItem(page, /Ln \d+, Col \d+/).first().innerText();
  const match = /Ln (\d+)/.exec(text);
  if (match?.[1] === undefined) throw new Error(`no cursor position in "${text}"`);
  return Number(match[1]);
}

export function activeEditorTab(page: Page): Locator {
  return page.locator('.part.editor .tab.active');
}

/** Opens the Quick Fix menu at the cursor of the focused editor (Ctrl+.) and picks the action whose title matches. */
export async function applyQuickFix(page: Page, title: RegExp): Promise<void> {
  await page.locator('.part.editor .monaco-editor.focused').waitFor();
  await page.keyboard.press('Control+.');
  const action = page.locator('.action-widget [role="option"]').filter({ has: page.locator('.title', { hasText: title }) });
  // Now and then the workbench swallows the first Ctrl+. (the lightbulb shows, no menu opens): press it again, as a user would.
  const shown = await action.first().waitFor({ timeout: 15_000 }).then(() => true, () => false);
  if (!shown) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
  }
  await action.first().click();
}

/** Runs a command from the Command Palette by its full title ("gocomply: Export Report…"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await quickPick(page, title);
}

/** Picks the entry of the open quick pick whose label is exactly `label`. */
export async function quickPick(page: Page, label: string): Promise<void> {
  const exact = page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) });
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ has: exact }).first().click();
}

/** Accepts what the open quick input holds (the simple save dialog's path). */
export async function acceptQuickInput(page: Page, expectedValue: RegExp): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await waitFor(`the quick input to hold ${String(expectedValue)}`, async () => (expectedValue.test(await input.inputValue()) ? true : undefined));
  await input.press('Enter');
}

/** Opens a workspace file with Quick Open (Ctrl+P), by its workspace-relative path; the editor has the focus after. */
export async function openFile(page: Page, relPath: string): Promise<void> {
  const slash = relPath.lastIndexOf('/');
  const name = relPath.slice(slash + 1);
  const dir = slash < 0 ? '' : relPath.slice(0, slash);
  await page.keyboard.press('Control+p');
  await page.locator('.quick-input-widget input').fill(relPath);
  const label = dir === '' ? new RegExp(`^${escapeRegExp(name)}\\b`) : new RegExp(`^${escapeRegExp(name)} ${escapeRegExp(dir)},`);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').and(page.getByRole('option', { name: label })).first().click();
  await activeEditorTab(page).filter({ hasText: name }).waitFor();
  await page.locator('.part.editor .monaco-editor.focused').waitFor();
}

/** Moves the cursor of the active editor with Go to Line (Ctrl+G), 1-based. */
export async function goToPosition(page: Page, line: number, column = 1): Promise<void> {
  await page.keyboard.press('Control+g');
  await page.locator('.quick-input-widget input').fill(`:${line}:${column}`);
  await page.locator('.quick-input-widget input').press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await waitFor(`the cursor on line ${line}`, async () => ((await cursorLine(page)) === line ? true : undefined));
}

/**
 * The titles the Quick Fix menu (Ctrl+.) offers at the cursor of the focused editor, empty when the editor says
 * there are none; the menu is closed again.
 */
export async function quickFixTitles(page: Page, timeoutMs = UI_TIMEOUT_MS): Promise<string[]> {
  await page.locator('.part.editor .monaco-editor.focused').waitFor();
  await page.keyboard.press('Control+.');
  return readActionMenu(page, timeoutMs);
}

/** The titles the Source Action… menu offers for the focused editor (empty when none); the menu is closed again. */
export async function sourceActionTitles(page: Page): Promise<string[]> {
  await runCommand(page, 'Source Action...');
  return readActionMenu(page);
}

/** Opens Source Action… and picks the action whose title matches. */
export async function applySourceAction(page: Page, title: RegExp): Promise<void> {
  await runCommand(page, 'Source Action...');
  const action = page.locator('.action-widget [role="option"]').filter({ has: page.locator('.title', { hasText: title }) });
  await action.first().click();
}

async function readActionMenu(page: Page, timeoutMs = UI_TIMEOUT_MS): Promise<string[]> {
  const options = page.locator('.action-widget [role="option"]');
  const none = page.locator('.part.editor .monaco-editor-overlaymessage', { hasText: /No (code|source) actions/i });
  await options.first().or(none).first().waitFor({ timeout: timeoutMs });
  const titles = (await options.count()) > 0 ? await options.locator('.title').allInnerTexts() : [];
  await page.keyboard.press('Escape');
  await options.first().waitFor({ state: 'hidden' });
  return titles.map((title) => title.trim());
}

/** Opens the Problems panel (View: Focus Problems). */
export async function openProblems(page: Page): Promise<Locator> {
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  const panel = page.locator('.part.panel .markers-panel');
  await panel.waitFor();
  return panel;
}

/** The total the Problems tab's badge shows, once one shows. */
export async function problemsBadgeCount(page: Page): Promise<number> {
  const badge = page.locator('.part.panel .composite-bar .action-item', { hasText: 'Problems' }).locator('.badge-content');
  const text = await badge.innerText();
  const count = Number(text.replace(/[^\d]/g, ''));
  if (!/\d/.test(text)) throw new Error(`the Problems badge shows "${text}"`);
  return count;
}

/**
 * Sets the Problems filter (text, or a path glob); '' clears it. The filter is cleared first and the
 * "Showing N of M" badge awaited, so what the panel shows afterwards is for this filter, not the last one.
 */
export async function filterProblems(page: Page, text: string): Promise<void> {
  const input = page.locator('.part.panel .viewpane-filter input');
  const badge = page.locator('.part.panel .viewpane-filter-badge');
  await input.fill('');
  await badge.waitFor({ state: 'hidden' });
  if (text === '') return;
  await input.fill(text);
  await badge.waitFor();
}

/** "Showing N of M" of the Problems filter, as [N, M]; undefined while no filter is set. */
export async function problemsFilterCounts(page: Page): Promise<[number, number] | undefined> {
  const badge = page.locator('.part.panel .viewpane-filter-badge');
  if (!(await badge.isVisible())) return undefined;
  const match = /Showing (\d+) of (\d+)/.exec(await badge.innerText());
  return match?.[1] === undefined || match[2] === undefined ? undefined : [Number(match[1]), Number(match[2])];
}

/** The marker rows of the Problems panel (not the file rows) whose text contains `message`. */
export function problemRows(page: Page, message: string): Locator {
  return page.locator('.part.panel .markers-panel .monaco-list-row[aria-level="2"]', { hasText: message });
}

/** The counts of the status bar's problems item, from its label ("Warnings: 123, Infos: 92"). */
export async function statusBarProblemCounts(page: Page): Promise<Record<string, number>> {
  const label = (await page.locator('.part.statusbar #status\\.problems').getAttribute('aria-label')) ?? '';
  const counts: Record<string, number> = {};
  for (const [, kind, count] of label.matchAll(/(\w+): (\d+)/g)) if (kind !== undefined) counts[kind] = Number(count);
  return counts;
}

/**
 * Keeps, in the page, every distinct text the status bar and the notification toasts show, from the first paint
 * (install with `openWorkbench(…, recordStatusBar)`; read with `statusBarHistory`).
 */
export async function recordStatusBar(page: Page): Promise<void> {
  await page.addInitScript({
    content: `(() => {
      const seen = [];
      window.__statusBarHistory = seen;
      let last = '';
      const record = () => {
        const bar = document.querySelector('.part.statusbar');
        const toasts = document.querySelector('.notifications-toasts');
        const text = [bar ? bar.innerText.replace(/\\s+/g, ' ').trim() : '', toasts ? toasts.innerText.replace(/\\s+/g, ' ').trim() : ''].filter(Boolean).join(' | ');
        if (text !== last) { last = text; seen.push({ at: Date.now(), text }); }
      };
      new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    })();`,
  });
}

export async function statusBarHistory(page: Page): Promise<{ at: number; text: string }[]> {
  const history: unknown = await page.evaluate('window.__statusBarHistory ?? []');
  return Array.isArray(history) ? history.map((entry: { at?: unknown; text?: unknown }) => ({ at: Number(entry.at), text: String(entry.text) })) : [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens a tree row's context menu and runs the entry titled `title`. */
export async function runRowMenuItem(row: Locator, title: string): Promise<void> {
  await row.locator('.label-name').click({ button: 'right' });
  const page = row.page();
  const menu = page.locator('.context-view .monaco-menu');
  await menu.locator('.action-label', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }).click();
  // A click landing while the menu still lays itself out only highlights the entry: Enter runs the highlighted one.
  const closed = await menu.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false);
  if (!closed) await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden' });
}

/** The Refactor Preview pane VS Code opens for an edit that needs confirmation. */
export function refactorPreview(page: Page): Locator {
  return page.locator('.part.panel .bulk-edit-panel, .part.sidebar .bulk-edit-panel').first();
}

/** Waits for the Refactor Preview, screenshots it to `screenshot`, presses its Apply button and waits for the pane to go. */
export async function applyRefactorPreview(page: Page, screenshot: string): Promise<void> {
  const pane = refactorPreview(page);
  await pane.locator('.monaco-list-row').first().waitFor();
  await page.screenshot({ path: screenshot });
  await pane.locator('.monaco-button', { hasText: /^Apply$/ }).click();
  await pane.waitFor({ state: 'hidden' });
}
