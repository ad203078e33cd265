// The self-hosted GraphiQL explorer. Everything it loads (code, styles, fonts, the
// Monaco workers) comes from the gateway itself: it works on a machine with no
// internet. The gateway hands it its settings as JSON inside the page.
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { createRoot } from 'react-dom/client';
import type { ExplorerPageConfig } from '../../src/server/explorer/pageConfig';
import { demoLoginsPlugin } from './demoLogins';
import { createExplorerFetcher } from './fetcher';
import { SessionBadge } from './sessionBadge';
import { starterHeaders, starterTabs } from './starter';
import 'graphiql/style.css';
import '@graphiql/react/font/roboto.css';
import '@graphiql/react/font/fira-code.css';
import './explorer.css';

const config = JSON.parse(document.getElementById('explorer-config')!.textContent!) as ExplorerPageConfig;

// Monaco runs language services in web workers; they are bundled beside this file.
globalThis.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => new Worker(config.workers[label] ?? config.workers.editor),
};

const demo = config.demo ? demoLoginsPlugin(config.endpoint, config.demo) : null;

createRoot(document.getElementById('explorer')!).render(
  <GraphiQL
    fetcher={createExplorerFetcher(config.endpoint, window.location)}
    defaultTabs={starterTabs(config)}
    defaultHeaders={starterHeaders(config.exampleTenant)}
    defaultEditorToolsVisibility="headers"
    plugins={demo ? [demo, HISTORY_PLUGIN] : [HISTORY_PLUGIN]}
    {...(demo ? { visiblePlugin: demo } : {})}
  >
    <GraphiQL.Logo>
      <SessionBadge endpoint={config.endpoint} demo={demo !== null} />
    </GraphiQL.Logo>
  </GraphiQL>,
);
