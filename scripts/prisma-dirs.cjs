// Where the developer tools in this folder find the Prisma schemas.
// TENANTGRAPH_PRISMA_DIR points them at another prisma/ folder (tests work on copies).
'use strict';

const path = require('node:path');

const projectRoot = path.resolve(__dirname, '..');
const prismaDir = process.env.TENANTGRAPH_PRISMA_DIR ?? path.join(projectRoot, 'prisma');

/** The folder of one schema: platform, tenant or tenant-mysql. */
function schemaDir(name) {
  if (!['platform', 'tenant', 'tenant-mysql'].includes(name)) throw new Error(`unknown schema "${name}": use platform or tenant`);
  return path.join(prismaDir, name);
}

module.exports = { projectRoot, schemaDir };
