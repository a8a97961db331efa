// The ids of every command the extension registers, with no VS Code import so
// the manifest test can check them against package.json.
export const COMMANDS = {
  refresh: 'gocomply.refresh',
  restartServer: 'gocomply.restartServer',
  showOutput: 'gocomply.showOutput',
  exportReport: 'gocomply.exportReport',
  filterNonCompliant: 'gocomply.filterNonCompliant',
  clearFilter: 'gocomply.clearFilter',
  reveal: 'gocomply.reveal',
  revealInTree: 'gocomply.revealInTree',
  showFixes: 'gocomply.showFixes',
  startAlignment: 'gocomply.startAlignment',
  markVerified: 'gocomply.markVerified',
  reopen: 'gocomply.reopen',
  /** Plans the missing provider of the row. */
  planProvider: 'gocomply.planProvider',
  /** Asks for the name of a provider to plan for the row's package. */
  planProviderByName: 'gocomply.planProviderByName',
  /** On a PLANNED provider's row: records it IN_PROGRESS. */
  startProvider: 'gocomply.startProvider',
  /** On a COMPLETE provider's row: records it VERIFIED. */
  markProviderVerified: 'gocomply.markProviderVerified',
  /** On a package's Multimodal row: plan, start, mark verified. */
  planMultimodal: 'gocomply.planMultimodal',
  startMultimodal: 'gocomply.startMultimodal',
  markMultimodalVerified: 'gocomply.markMultimodalVerified',
  /** Aligns a package with the standard through the refactor preview. */
  alignPackage: 'gocomply.alignPackage',
  /** Writes a new provider of a multi-provider package (or the row's missing provider). */
  addProvider: 'gocomply.addProvider',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

export const TREE_VIEW_ID = 'gocomply.compliance';
/** The command VS Code derives for every view: focuses it. */
export const FOCUS_TREE_COMMAND = `${TREE_VIEW_ID}.focus`;

/** Context keys set with `setContext`, read by package.json `when` clauses. */
export const CONTEXT_KEYS = {
  /** True once a go.mod is found: the welcome view shows while it is not. */
  goModuleFound: 'gocomply.goModuleFound',
  /** The ServerPhase (stopped, starting, running): the welcome view explains an empty tree. */
  serverPhase: 'gocomply.serverPhase',
  /** True while the tree hides compliant packages: swaps the filter button. */
  filtered: 'gocomply.filtered',
} as const;
