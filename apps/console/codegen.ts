import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations from the committed supergraph: every query the console sends is checked against it. */
const config: CodegenConfig = {
  schema: '../../gateway/supergraph.graphql',
  documents: ['src/**/*.tsx', 'src/**/*.ts', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: { scalars: { LocalDate: 'string', DateTime: 'string' }, enumsAsTypes: true, useTypeImports: true },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
