// `npm run schema`: writes schema.graphql from the type-graphql classes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printGatewaySchema } from '../schema/buildSchema';

const target = path.resolve(__dirname, '../../../schema.graphql');
writeFileSync(target, printGatewaySchema());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
