// The tree-sitter queries the extractor runs, read from grammars/queries/*.scm.
// Queries live in wasm memory: whoever loads them must call disposeQueries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Query, type Language } from 'web-tree-sitter';

export interface FactQueries {
  /** Top-level declarations; run with maxStartDepth 1. */
  declarations: Query;
  /** ERROR and MISSING nodes; run only on trees that have errors. */
  errors: Query;
  /** Returns, hand-offs and closures inside a function that starts a span. */
  span: Query;
}

const QUERY_FILES: Record<keyof FactQueries, string> = {
  declarations: 'declarations.scm',
  errors: 'errors.scm',
  span: 'span.scm',
};

export function loadQueries(language: Language, queriesDir: string): FactQueries {
  const loaded: Query[] = [];
  const load = (name: keyof FactQueries): Query => {
    const query = new Query(language, readFileSync(join(queriesDir, QUERY_FILES[name]), 'utf8'));
    loaded.push(query);
    return query;
  };
  try {
    return {
      declarations: load('declarations'),
      errors: load('errors'),
      span: load('span'),
    };
  } catch (error) {
    for (const query of loaded) query.delete();
    throw error;
  }
}

export function disposeQueries(queries: FactQueries): void {
  for (const query of Object.values(queries)) query.delete();
}
