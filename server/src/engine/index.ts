// Public entry points of the engine. Pure: no vscode or LSP imports.
import type { Report } from '../../../common/schemas/report';
import { Engine, type EngineOptions } from './engine';

export { Engine } from './engine';
export type { EngineOptions, EngineResult } from './engine';
export type AuditOptions = EngineOptions;

/** Audits the Go workspace at `root` and returns the spec §10 report. */
export async function auditWorkspace(root: string, options: AuditOptions = {}): Promise<Report> {
  const engine = await Engine.open(root, options);
  try {
    return engine.report();
  } finally {
    engine.dispose();
  }
}
