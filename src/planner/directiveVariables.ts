// The variables a field's @skip/@include directives read, anywhere under it (in
// fragments too, and under fields a directive may skip): a plan depends on their
// values and on nothing else of the request, so they are part of its cache key.
import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export function directiveVariablesOf(nodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): string[] {
  const found = new Set<string>();
  const seenFragments = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      for (const directive of selection.directives ?? []) {
        for (const arg of directive.arguments ?? []) if (arg.value.kind === Kind.VARIABLE) found.add(arg.value.name.value);
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        if (!seenFragments.has(name)) {
          seenFragments.add(name);
          visit(fragments[name]?.selectionSet);
        }
      } else visit(selection.selectionSet);
    }
  };
  for (const node of nodes) visit(node.selectionSet);
  return [...found].sort();
}
