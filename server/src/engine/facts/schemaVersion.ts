/**
 * Version of the FileFacts shape and meaning, part of the fact-cache key.
 * Bump it when facts change in a way the extraction code's fingerprint would
 * not show (for instance a fix in web-tree-sitter's JavaScript side).
 */
export const FACTS_SCHEMA_VERSION = 2;
