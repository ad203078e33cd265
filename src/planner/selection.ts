// The fields an operation asks of a type, as the planner needs them: fragments
// (named and inline) spread in, @skip/@include applied, and the aliases of one field
// merged (a row carries each field once, under its own name; graphql-js then answers
// every alias from it).
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionNode,
} from 'graphql';

export interface SelectionContext {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** Field name -> the nodes that ask for it (several when aliased or spread twice). */
export type Selection = Map<string, FieldNode[]>;

function included(node: SelectionNode, context: SelectionContext): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, context.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, context.variables)?.if !== false;
}

/** What `nodes` (the nodes of one field) ask of the field's type, `typeName`. */
export function selectionOf(nodes: readonly FieldNode[], typeName: string, context: SelectionContext): Selection {
  const fields: Selection = new Map();
  const visit = (selections: readonly SelectionNode[]) => {
    for (const selection of selections) {
      if (!included(selection, context)) continue;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue; // __typename: graphql-js answers it
        const list = fields.get(name);
        if (list) list.push(selection);
        else fields.set(name, [selection]);
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : context.fragments[selection.name.value];
        // Every planned type is an object type: a fragment on another type selects nothing here.
        const on = fragment?.typeCondition?.name.value;
        if (fragment && (!on || on === typeName)) visit(fragment.selectionSet.selections);
      }
    }
  };
  for (const node of nodes) visit(node.selectionSet?.selections ?? []);
  return fields;
}

export const hasArguments = (nodes: readonly FieldNode[]) => nodes.some((node) => (node.arguments?.length ?? 0) > 0);
