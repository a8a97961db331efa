// The JSON report of spec §10: what `gocomply audit --format json` prints and
// what the editor's "export report" writes. Validated with the seed's rules.
import { z } from 'zod';
import { PackageComplianceSchema, ReportDiagnosticSchema } from './entities';

export const NoticeSchema = z.object({
  /** Workspace-relative file the notice is about, absent for workspace-wide ones. */
  file: z.string().optional(),
  message: z.string().min(1),
});

export const ReportSchema = z.object({
  tool: z.literal('gocomply'),
  version: z.string().min(1),
  generatedAt: z.iso.datetime(),
  /** Absolute path of the analysed workspace folder. */
  workspace: z.string().min(1),
  modules: z.array(z.object({ path: z.string(), modulePath: z.string().nullable() })),
  /** The git baseline backward compatibility was checked against, or why it was not (spec §7). */
  compatibility: z
    .object({
      baselineRef: z.string().optional(),
      baselineCommit: z.string().optional(),
      notice: z.string().optional(),
    })
    .optional(),
  /** Workspace-wide span-starter names (spec §3, Tracing). */
  spanStarters: z.array(z.string()),
  /** Files skipped or read with trouble: too large, not UTF-8, syntax errors, unreadable. */
  notices: z.array(NoticeSchema),
  /** Diagnostics on files outside every package (`.gocomply.json`, metric conflicts in shared code). */
  diagnostics: z.array(ReportDiagnosticSchema),
  packages: z.array(PackageComplianceSchema),
});

export type Report = z.infer<typeof ReportSchema>;
export type Notice = z.infer<typeof NoticeSchema>;
