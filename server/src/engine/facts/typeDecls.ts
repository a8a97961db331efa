// Top-level type declarations: structs with their fields, interfaces with their
// method signatures, aliases.
import type { Node } from 'web-tree-sitter';
import { unquoteGoString } from './strings';
import { bareTypeName, fieldNodes, isExported, namedChildrenOf, rangeOf, textOf } from './syntax';
import type { FieldFact, TypeFact } from './types';

/**
 * `spec` is a type_spec or type_alias; `declaration` the type_declaration that
 * holds it. The range (and, for interfaces, the text) is the whole declaration
 * when it declares only this type, else the spec itself, with `type ` prefixed
 * to the text so it stands alone (`type ( A interface{...}; B int )`).
 */
export function typeFact(spec: Node, declaration: Node, source: string): TypeFact | undefined {
  const nameNode = spec.childForFieldName('name');
  if (!nameNode) return undefined;
  const name = textOf(source, nameNode);
  const typeNode = spec.childForFieldName('type');
  const kind = typeKind(spec.type, typeNode?.type);
  const grouped = /^type\s*\(/.test(textOf(source, declaration));
  const fact: TypeFact = {
    name,
    kind,
    exported: isExported(name),
    range: rangeOf(grouped ? spec : declaration),
    fields: kind === 'struct' && typeNode ? structFields(typeNode, source) : [],
    methods: kind === 'interface' && typeNode ? interfaceMethods(typeNode, source) : [],
  };
  if (kind === 'interface') fact.text = grouped ? `type ${textOf(source, spec)}` : textOf(source, declaration);
  return fact;
}

function typeKind(specType: string, valueType: string | undefined): TypeFact['kind'] {
  if (specType === 'type_alias') return 'alias';
  if (valueType === 'struct_type') return 'struct';
  if (valueType === 'interface_type') return 'interface';
  return 'other';
}

function structFields(struct: Node, source: string): FieldFact[] {
  const list = namedChildrenOf(struct).find((child) => child.type === 'field_declaration_list');
  if (!list) return [];
  return namedChildrenOf(list)
    .filter((child) => child.type === 'field_declaration')
    .flatMap((declaration) => fieldFacts(declaration, source));
}

/** `a, b int` gives two fields; `*pkg.Base[T]` is an embedded field named `Base`. */
function fieldFacts(declaration: Node, source: string): FieldFact[] {
  const typeNode = declaration.childForFieldName('type');
  if (!typeNode) return [];
  const tagNode = declaration.childForFieldName('tag');
  const tag = tagNode ? unquoteGoString(textOf(source, tagNode)) : undefined;
  const names = fieldNodes(declaration, 'name').map((name) => textOf(source, name));
  const embedded = names.length === 0;
  // The `*` of an embedded pointer is a sibling of the type node, not part of it.
  const typeText = embedded
    ? source.slice(declaration.startIndex, typeNode.endIndex)
    : textOf(source, typeNode);
  return (embedded ? [bareTypeName(typeText)] : names).map((name) => {
    const field: FieldFact = { name, type: typeText.trim(), embedded, exported: isExported(name) };
    if (tag !== undefined) field.tag = tag;
    return field;
  });
}

function interfaceMethods(iface: Node, source: string): TypeFact['methods'] {
  return namedChildrenOf(iface)
    .filter((child) => child.type === 'method_elem')
    .flatMap((method) => {
      const name = method.childForFieldName('name');
      if (!name) return [];
      const signature = source.slice(name.endIndex, method.endIndex).trim();
      return [{ name: textOf(source, name), signature }];
    });
}
