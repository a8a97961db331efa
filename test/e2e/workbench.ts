// Driving the VS Code workbench in headless Debian chromium with
// playwright-core: every step waits on what the UI shows, never on time.
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { waitFor } from './harness';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const UI_TIMEOUT_MS = 60_000;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function openWorkbench(browser: Browser, url: string, folder: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(UI_TIMEOUT_MS);
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
  const rows = await sideBar(page).locator('.monaco-list-row[aria-level="2"]').all();
  const shown = await Promise.all(
    rows.map(async (row) => ({
      label: await row.locator('.label-name').innerText(),
      description: (await row.locator('.label-description').allInnerTexts()).join(''),
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
