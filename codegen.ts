// GraphQL Code Generator: typed documents for the operations in test/ and
// examples/, from the committed schema.graphql. `npm run codegen` writes
// generated/graphql/ (committed); test/codegen.test.ts fails when it is stale.
//
// In TypeScript, wrap an operation in `graphql(...)` from generated/graphql and it
// becomes a TypedDocumentNode: its result and variables are typed.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['examples/**/*.graphql', 'test/**/*.ts', '!test/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'generated/graphql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Amounts and quantities are exact decimal strings; dates are ISO strings on the wire.
        scalars: { Decimal: 'string', DateTime: 'string', DateOrDateTime: 'string', JSONObject: 'Record<string, unknown>' },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: false,
      },
    },
  },
};

export default config;
