// Sends the server only the gocomply settings a user actually set. VS Code
// answers workspace/configuration with every contributed default filled in,
// which would silently override the workspace's `.gocomply.json`.
import * as vscode from 'vscode';
import type { ConfigurationParams, Middleware } from 'vscode-languageclient/node';

const SECTION = 'gocomply';

/** Setting keys below `gocomply.` declared by the manifest (`tracing.threshold`, ...). */
function declaredKeys(extension: vscode.Extension<unknown>): string[] {
  const manifest: unknown = extension.packageJSON;
  const properties = readPath(manifest, ['contributes', 'configuration', 'properties']);
  if (typeof properties !== 'object' || properties === null) return [];
  return Object.keys(properties)
    .filter((key) => key.startsWith(`${SECTION}.`) && key !== `${SECTION}.trace.server`)
    .map((key) => key.slice(SECTION.length + 1));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPath(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return current;
}

function setPath(target: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (isRecord(next)) node = next;
    else {
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    }
  }
  node[keys.at(-1) ?? dotted] = value;
}

export function explicitSettings(keys: string[], scope: vscode.Uri | undefined): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const settings: Record<string, unknown> = {};
  for (const key of keys) {
    const inspected = config.inspect(key);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value !== undefined) setPath(settings, key, value);
  }
  return settings;
}

export function settingsMiddleware(extension: vscode.Extension<unknown>): Middleware {
  const keys = declaredKeys(extension);
  return {
    workspace: {
      configuration: (params: ConfigurationParams, token, next) => {
        if (!params.items.every((item) => item.section === SECTION)) return next(params, token);
        return params.items.map((item) => explicitSettings(keys, item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined));
      },
    },
  };
}
