// The explorer's routes: the page at /graphiql (and at /graphql for a browser),
// its bundled files under /graphiql/assets/.
import type { RouteHandler } from '../httpServer';
import { loadExplorerBuild, serveExplorerAssets } from './explorerAssets';
import { explorerPage } from './explorerPage';

export const EXPLORER_PATH = '/graphiql';
export const EXPLORER_ASSETS = '/graphiql/assets/';

export interface ExplorerRoutes {
  page: RouteHandler;
  routes: Record<string, RouteHandler>;
}

export function explorerRoutes(options: { demo: boolean; endpoint: string }): ExplorerRoutes {
  const build = loadExplorerBuild();
  const page = explorerPage({ build, assetsPath: EXPLORER_ASSETS, endpoint: options.endpoint, demo: options.demo });
  const routes: Record<string, RouteHandler> = { [EXPLORER_PATH]: page };
  if (build) routes[EXPLORER_ASSETS] = serveExplorerAssets(build, EXPLORER_ASSETS);
  return { page, routes };
}
