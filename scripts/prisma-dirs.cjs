// Where the developer tools in this folder find the Prisma schemas, and the project
// they belong to. TENANTGRAPH_PRISMA_DIR points them at another prisma/ folder (tests
// work on copies); the project is then the folder that holds it.
'use strict';

const path = require('node:path');

const prismaDir = process.env.TENANTGRAPH_PRISMA_DIR ?? path.resolve(__dirname, '../prisma');
const projectDir = path.dirname(prismaDir);

/** The folder of one schema: platform, tenant or tenant-mysql. */
function schemaDir(name) {
  if (!['platform', 'tenant', 'tenant-mysql'].includes(name)) throw new Error(`unknown schema "${name}": use platform or tenant`);
  return path.join(prismaDir, name);
}

module.exports = { projectDir, schemaDir };
