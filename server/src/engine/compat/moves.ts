// A type moved to another folder of the same framework package with a type
// alias left behind (`type Embedder = iface.Embedder`, what the "move to
// iface/" quick fix writes) keeps the API whole: importers of the old name see
// the same type. The alias's target is not in the facts, so a move is
// recognised by its evidence: the old folder's type became an alias, and a
// type of the same name and the same members (fields, interface methods) was
// added in another folder of the package. Its kind change is then not
// breaking; the addition stays as the compatible change it is.
import type { ExportedApi } from './api';
import { typeShape } from './diff';
import type { PackageApiChange } from './findings';

function movedTo(name: string, fromDir: string, before: Map<string, ExportedApi>, after: Map<string, ExportedApi>): boolean {
  const old = before.get(fromDir)?.types.get(name);
  if (old === undefined) return false;
  // Undefined for a type without own members (an interface made only of embedded ones): same kind, same emptiness.
  const shape = typeShape(old);
  return [...after].some(([dir, api]) => {
    if (dir === fromDir || before.get(dir)?.types.has(name)) return false;
    const added = api.types.get(name);
    return added !== undefined && added.kind === old.kind && typeShape(added) === shape;
  });
}

/** The changes without the kind change of each type that moved behind an alias. */
export function withoutAliasedMoves(changes: PackageApiChange[], before: Map<string, ExportedApi>, after: Map<string, ExportedApi>): PackageApiChange[] {
  return changes.filter((change) => {
    if (change.kind !== 'kind-changed' || change.declaration !== 'type') return true;
    const name = change.name;
    const isAlias = after.get(change.dir)?.types.get(name)?.kind === 'alias';
    return !(isAlias && movedTo(name, change.dir, before, after));
  });
}
