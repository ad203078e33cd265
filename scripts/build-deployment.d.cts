/** A change of one file of the copy: its first `search` becomes `replacement`. */
export interface DeploymentEdit {
  /** Relative to the project. */
  file: string;
  replace: [search: string, replacement: string];
}

export interface Deployment {
  /** The project folder: `node <dir>/dist/src/main.js` starts its gateway. */
  dir: string;
  /** How long `npm run migration:create -- tenant <name>` and `npm run build` took when it was built. */
  migrationSeconds: number;
  buildSeconds: number;
  /** Built before, with the same sources, models and edits. */
  cached: boolean;
}

/** Builds (or finds built) the deployment `name` of this project with `models` in tenant-models/ and `edits`. */
export function buildDeployment(options: {
  name: string;
  /** Model files, or folders of *.prisma files, relative to the project or absolute. */
  models?: string[];
  edits?: DeploymentEdit[];
  /** The PostgreSQL migration:create connects to; default DATABASE_URL, then TEST_DATABASE_URL. */
  databaseUrl?: string;
  /** Build anew, with `npm run build` in full. */
  fresh?: boolean;
}): Promise<Deployment>;
