// Editor settings: the `gocomply` section pulled per folder with
// workspace/configuration and validated with the one zod schema. Invalid
// editor settings are reported to the user and ignored, so `.gocomply.json`
// and the defaults apply.
import type { Connection } from 'vscode-languageserver';
import { SettingsSchema, type SettingsInput } from '../../../common/schemas/settings';
import type { FolderState } from './folders';

export const SETTINGS_SECTION = 'gocomply';

function isSettingsInput(value: unknown): value is SettingsInput {
  return SettingsSchema.safeParse(value).success;
}

/** The client reports settings without a value as null: treat them as unset. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== null) kept[key] = withoutNulls(entry);
  return kept;
}

/** `gocomply.trace.server` is vscode-languageclient's own setting (message tracing), not an analysis setting. */
const CLIENT_ONLY_KEYS = new Set(['trace']);

function analysisSettings(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !CLIENT_ONLY_KEYS.has(key)));
}

export function describeIssues(value: unknown): string {
  const checked = SettingsSchema.safeParse(value);
  if (checked.success) return '';
  return checked.error.issues.map((issue) => `${SETTINGS_SECTION}.${issue.path.map(String).join('.')}: ${issue.message}`).join('; ');
}

export class EditorSettings {
  constructor(
    private readonly connection: Connection,
    private readonly supported: boolean,
  ) {}

  /** The folder's validated editor settings, `{}` when the client has none or they are invalid. */
  async forFolder(folder: FolderState): Promise<SettingsInput> {
    if (!this.supported) return {};
    let raw: unknown;
    try {
      raw = await this.connection.workspace.getConfiguration({ scopeUri: folder.uri, section: SETTINGS_SECTION });
    } catch (error) {
      this.connection.console.warn(`gocomply: could not read the editor settings of ${folder.name}: ${String(error)}`);
      return {};
    }
    const settings = analysisSettings(withoutNulls(raw ?? {}));
    if (isSettingsInput(settings)) return settings;
    void this.connection.window.showWarningMessage(
      `gocomply: invalid editor settings for ${folder.name} (${describeIssues(settings)}); using .gocomply.json and the defaults instead.`,
    );
    return {};
  }
}
