// Input PostgreSQL cannot take, refused where it enters rather than where it breaks:
// a NUL byte (text and jsonb reject it) or a lone UTF-16 surrogate (not a character:
// inside JSON it is rejected, in text it would quietly become U+FFFD), in any string of
// the variables (keys included) or of the document's literals; and variables nested
// deeper than any input needs, before something walks them recursively (JSON.stringify
// and Prisma run out of stack a few thousand levels down).
import { GraphQLError, type ValidationRule } from 'graphql';
import { badInput, ErrorCode } from '../errors';

// In a `u` pattern a well-formed surrogate pair is one code point, so \p{Cs} matches lone halves only.
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/** Deeper than any input object of the schema, with room for JSON attributes. */
export const MAX_VARIABLE_DEPTH = 32;

const whyUnstorable = (text: string) =>
  text.includes('\u0000') ? 'contains a NUL byte' : 'contains a lone UTF-16 surrogate, which is not a character';

/** The first problem in `value`, found depth first, as the path to it and what is wrong. */
function problemIn(value: unknown, path: string, depth: number): [string, string] | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? [path, whyUnstorable(value)] : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_VARIABLE_DEPTH) return [path, `nests deeper than ${MAX_VARIABLE_DEPTH} levels`];
  for (const [key, item] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (UNSTORABLE.test(key)) return [at, `has a key that ${whyUnstorable(key)}`];
    const problem = problemIn(item, at, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/** Throws BAD_USER_INPUT naming the variable (`$input.attributes.karat`) when one cannot be stored. */
export function assertStorableVariables(variables: Readonly<Record<string, unknown>> | undefined): void {
  for (const [name, value] of Object.entries(variables ?? {})) {
    const problem = problemIn(value, `$${name}`, 0);
    if (problem) throw badInput(`${problem[0]} ${problem[1]}`, { variable: problem[0] });
  }
}

/** The same for the string literals of a document; as a validation rule it runs once per document. */
export const storableLiteralsRule: ValidationRule = (context) => ({
  StringValue(node) {
    if (UNSTORABLE.test(node.value)) context.reportError(new GraphQLError(`a string ${whyUnstorable(node.value)}`, { nodes: node, extensions: { code: ErrorCode.BAD_USER_INPUT } }));
  },
});
