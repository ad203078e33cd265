// The console's settings, handed over by the gateway as JSON inside the page.
import type { ConsolePageConfig } from '../../src/server/console/consoleConfig';
import { endpointUrls } from '../../explorer/src/endpointUrls';

export const config = JSON.parse(document.getElementById('console-config')!.textContent!) as ConsolePageConfig;

/** The GraphQL endpoint's absolute URLs: http(s) for queries, ws(s) for subscriptions. */
export const endpoint = endpointUrls(config.endpoint, window.location);
