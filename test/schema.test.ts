// schema.graphql is what the code serves: regenerate it with `npm run schema`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLObjectType } from 'graphql';
import { gatewaySchema, printGatewaySchema } from '../src/schema/buildSchema';

test('schema.graphql is up to date', () => {
  const committed = readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8');
  expect(printGatewaySchema()).toBe(committed);
});

test('no output type exposes a password or its hash', () => {
  const schema = gatewaySchema();
  // Mutations are actions (changePassword, resetPassword take one); what they answer is checked as its own type.
  const fields = Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => type instanceof GraphQLObjectType && type !== schema.getMutationType())
    .flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
  expect(fields).toContain('User.email');
  expect(fields.filter((field) => /password|hash/i.test(field))).toEqual([]);
});
