// Public entry points of the engine. Pure: no vscode or LSP imports.
import type { SettingsInput } from '../../../common/schemas/settings';
import type { Report } from '../../../common/schemas/report';

export interface AuditOptions {
  /** Overrides on top of `.gocomply.json` (the editor's settings, CLI flags). */
  settings?: SettingsInput;
  /** Trusted workspaces may run git (backward-compatibility baseline). */
  trusted?: boolean;
}

/** Audits the Go workspace at `root` (absolute path) and returns the spec §10 report. */
export async function auditWorkspace(root: string, options: AuditOptions = {}): Promise<Report> {
  void root;
  void options;
  throw new Error('auditWorkspace: engine not built yet');
}
